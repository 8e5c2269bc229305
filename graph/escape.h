// Text escaping for the graph exporters. Entity names come from news text and may contain
// anything: quotes, backslashes, newlines, markup, control characters, broken UTF-8.
// Every function here is pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace sillok::graph_escape {

// `s` with every invalid UTF-8 sequence replaced by U+FFFD, so that writers (and nlohmann's
// dump, which throws on bad UTF-8) always emit valid UTF-8.
std::string valid_utf8(std::string_view s);

// A DOT quoted string (quotes included) whose value Graphviz renders as exactly `s` when used
// as a label: `"` -> `\"`; `\` -> `\\`, which also defuses the label escapes \N \G \E \T \H
// \L \l \r \n; a newline -> `\n` (a centred line break); other control characters -> space.
// Quoted, keywords (graph, node, strict, ...) are plain text and `<b>` is not HTML.
std::string dot_string(std::string_view s);

// `s` for XML 1.0 character data or attribute values: & < > " ' escaped as entities; tab,
// newline and carriage return as character references (attribute normalization would
// otherwise turn them into spaces); characters XML 1.0 forbids (other C0 controls, U+FFFE,
// U+FFFF) removed; invalid UTF-8 replaced by U+FFFD.
std::string xml_text(std::string_view s);

}  // namespace sillok::graph_escape
