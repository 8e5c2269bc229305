// The `sillok extract` JSON contract (README, "The extract JSON contract"): one object per
// article with id, title, publisher, published_at, text, entities, relations, times, events.
// Offsets are code points into "text", end exclusive. from_json() reads the same objects back
// (for `ingest --from-json`), so extraction can run elsewhere and be loaded later.
#pragma once

#include <nlohmann/json.hpp>

#include "extract/types.h"

namespace sillok {

nlohmann::json to_json(const Extraction& extraction);

// The inverse of to_json. Throws std::runtime_error naming the missing or malformed key.
Extraction extraction_from_json(const nlohmann::json& object);

}  // namespace sillok
