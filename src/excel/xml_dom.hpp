#pragma once
// The small, fixed-shape parts (workbook, relationships, styles) are read whole into a pugixml
// DOM: they are capped at kMaxSmallPartBytes and their shape is easiest to walk as a tree.
// pugixml never expands entities beyond the predefined ones; a DOCTYPE is refused outright so
// nothing depends on that. Internal to src/excel.
#include <pugixml.hpp>
#include <string_view>

#include "core/status.hpp"
#include "excel/zip_archive.hpp"

namespace sanpi::excel {

// Loads `part` into `document`; NotFound when absent, Malformed when not well-formed XML.
core::Status LoadXmlPart(ZipArchive& archive, std::string_view part, pugi::xml_document& document);
// Parses bytes already read (tests, fuzzing).
core::Status ParseXml(std::string_view part, std::string_view bytes, pugi::xml_document& document);

// A node's name without its namespace prefix ("x:sheet" → "sheet").
std::string_view LocalName(const pugi::xml_node& node);
std::string_view LocalName(const pugi::xml_attribute& attribute);
// The first child / attribute with that local name (empty handle when none).
pugi::xml_node Child(const pugi::xml_node& parent, std::string_view local_name);
pugi::xml_attribute Attribute(const pugi::xml_node& node, std::string_view local_name);

}  // namespace sanpi::excel
