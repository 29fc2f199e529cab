#include "excel/xml_dom.hpp"

#include <string>

#include "excel/limits.hpp"

namespace sanpi::excel {
namespace {

std::string_view StripPrefix(const char* name) {
  std::string_view view(name);
  auto colon = view.rfind(':');
  return colon == std::string_view::npos ? view : view.substr(colon + 1);
}

core::Status Invalid(std::string_view part, const std::string& zh, const std::string& en) {
  std::string name(part);
  return core::Status::Malformed(
      {"工作簿部件“" + name + "”的 XML 无效:" + zh, "the XML of part “" + name + "” is invalid: " + en});
}

}  // namespace

core::Status ParseXml(std::string_view part, std::string_view bytes, pugi::xml_document& document) {
  // parse_doctype keeps a DOCTYPE as a node so we can see it and refuse it.
  pugi::xml_parse_result parsed =
      document.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_doctype);
  if (!parsed) return Invalid(part, parsed.description(), parsed.description());
  for (pugi::xml_node node : document.children()) {
    if (node.type() == pugi::node_doctype) {
      return Invalid(part, "不允许 DOCTYPE 或实体声明", "DOCTYPE and entity declarations are not allowed");
    }
  }
  if (!document.document_element()) return Invalid(part, "没有根元素", "there is no root element");
  return core::Status::Ok();
}

core::Status LoadXmlPart(ZipArchive& archive, std::string_view part, pugi::xml_document& document) {
  auto bytes = archive.ReadWhole(part, kMaxSmallPartBytes);
  if (!bytes.ok()) return bytes.status();
  return ParseXml(part, *bytes, document);
}

std::string_view LocalName(const pugi::xml_node& node) { return StripPrefix(node.name()); }
std::string_view LocalName(const pugi::xml_attribute& attribute) { return StripPrefix(attribute.name()); }

pugi::xml_node Child(const pugi::xml_node& parent, std::string_view local_name) {
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == local_name) return child;
  }
  return {};
}

pugi::xml_attribute Attribute(const pugi::xml_node& node, std::string_view local_name) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    if (LocalName(attribute) == local_name) return attribute;
  }
  return {};
}

}  // namespace sanpi::excel
