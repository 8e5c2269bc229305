#include "extract/types.h"

#include <array>
#include <utility>

namespace sillok {
namespace {

constexpr std::array<std::pair<EntityType, std::string_view>, 7> kEntityTypes{{
    {EntityType::person, "person"},
    {EntityType::government, "government"},
    {EntityType::company, "company"},
    {EntityType::organization, "organization"},
    {EntityType::media, "media"},
    {EntityType::place, "place"},
    {EntityType::product, "product"},
}};

constexpr std::array<std::pair<EventStatus, std::string_view>, 5> kStatuses{{
    {EventStatus::planned, "planned"},
    {EventStatus::occurred, "occurred"},
    {EventStatus::reported, "reported"},
    {EventStatus::postponed, "postponed"},
    {EventStatus::cancelled, "cancelled"},
}};

}  // namespace

std::string_view to_string(EntityType type) {
  for (const auto& [t, name] : kEntityTypes) {
    if (t == type) return name;
  }
  return "organization";
}

std::optional<EntityType> entity_type_from_string(std::string_view name) {
  for (const auto& [t, n] : kEntityTypes) {
    if (n == name) return t;
  }
  return std::nullopt;
}

std::string_view to_string(TimeType type) {
  switch (type) {
    case TimeType::date:
      return "date";
    case TimeType::time:
      return "time";
    case TimeType::duration:
      return "duration";
    case TimeType::set:
      return "set";
  }
  return "date";
}

std::string_view to_string(EventStatus status) {
  for (const auto& [s, name] : kStatuses) {
    if (s == status) return name;
  }
  return "reported";
}

std::optional<EventStatus> event_status_from_string(std::string_view name) {
  for (const auto& [s, n] : kStatuses) {
    if (n == name) return s;
  }
  return std::nullopt;
}

}  // namespace sillok
