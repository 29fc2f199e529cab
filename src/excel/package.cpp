#include "excel/package.hpp"

#include <map>

#include "excel/limits.hpp"
#include "excel/xml_dom.hpp"
#include "excel/zip_archive.hpp"

namespace sanpi::excel {
namespace {

constexpr std::string_view kRootRelationships = "_rels/.rels";
constexpr std::string_view kDefaultWorkbook = "xl/workbook.xml";

struct Relationship {
  std::string type;    // the last segment of the type URI: "worksheet", "styles" …
  std::string target;  // resolved part name
  bool external = false;
};

core::Status NotAWorkbook(const std::string& zh, const std::string& en) {
  return core::Status::Malformed(
      {"不是可读取的 Excel 工作簿(.xlsx):" + zh, "not a readable Excel workbook (.xlsx): " + en});
}

std::string DirectoryOf(std::string_view part) {
  auto slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string RelationshipsOf(std::string_view part) {
  auto slash = part.rfind('/');
  std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return DirectoryOf(part) + "_rels/" + std::string(file) + ".rels";
}

core::Result<std::map<std::string, Relationship>> ReadRelationships(ZipArchive& archive, std::string_view rels_part,
                                                                    std::string_view base_dir) {
  pugi::xml_document document;
  if (core::Status loaded = LoadXmlPart(archive, rels_part, document); !loaded.ok()) return loaded;
  std::map<std::string, Relationship> relationships;
  for (pugi::xml_node node : document.document_element().children()) {
    if (LocalName(node) != "Relationship") continue;
    std::string_view type = Attribute(node, "Type").value();
    auto slash = type.rfind('/');
    Relationship relationship;
    relationship.type = std::string(slash == std::string_view::npos ? type : type.substr(slash + 1));
    relationship.external = std::string_view(Attribute(node, "TargetMode").value()) == "External";
    if (!relationship.external) relationship.target = ResolvePartName(base_dir, Attribute(node, "Target").value());
    relationships[Attribute(node, "Id").value()] = std::move(relationship);
  }
  return relationships;
}

std::string FindWorkbookPart(ZipArchive& archive) {
  if (!archive.Has(kRootRelationships)) return std::string(kDefaultWorkbook);
  auto relationships = ReadRelationships(archive, kRootRelationships, "");
  if (relationships.ok()) {
    for (const auto& [id, relationship] : *relationships) {
      if (relationship.type == "officeDocument" && !relationship.target.empty()) return relationship.target;
    }
  }
  return std::string(kDefaultWorkbook);
}

}  // namespace

std::string ResolvePartName(std::string_view base_dir, std::string_view target) {
  std::string joined = !target.empty() && target.front() == '/' ? std::string(target.substr(1))
                                                                : std::string(base_dir) + std::string(target);
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (segments.empty()) return {};
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(std::move(segment));
    }
    start = slash + 1;
  }
  std::string resolved;
  for (const std::string& segment : segments) resolved += (resolved.empty() ? "" : "/") + segment;
  return resolved;
}

core::Result<PackageLayout> ReadPackageLayout(ZipArchive& archive) {
  PackageLayout layout;
  layout.workbook = FindWorkbookPart(archive);
  if (!archive.Has(layout.workbook)) {
    return NotAWorkbook("缺少工作簿部件 " + layout.workbook, "the workbook part " + layout.workbook + " is missing");
  }
  std::string base_dir = DirectoryOf(layout.workbook);
  std::string rels_part = RelationshipsOf(layout.workbook);
  if (!archive.Has(rels_part)) {
    return NotAWorkbook("缺少工作簿关系部件 " + rels_part,
                        "the workbook relationships part " + rels_part + " is missing");
  }
  auto relationships = ReadRelationships(archive, rels_part, base_dir);
  if (!relationships.ok()) return relationships.status();

  pugi::xml_document document;
  if (core::Status loaded = LoadXmlPart(archive, layout.workbook, document); !loaded.ok()) return loaded;
  pugi::xml_node root = document.document_element();
  if (LocalName(root) != "workbook") return NotAWorkbook("根元素不是 workbook", "the root element is not workbook");
  if (pugi::xml_node properties = Child(root, "workbookPr")) {
    std::string_view date1904 = Attribute(properties, "date1904").value();
    if (date1904 == "1" || date1904 == "true") layout.date_system = DateSystem::k1904;
  }
  for (pugi::xml_node sheet : Child(root, "sheets").children()) {
    if (LocalName(sheet) != "sheet") continue;
    std::string name = Attribute(sheet, "name").value();
    auto found = relationships->find(Attribute(sheet, "id").value());
    if (found == relationships->end() || found->second.external || found->second.target.empty()) {
      return NotAWorkbook("工作表“" + name + "”找不到对应部件", "sheet “" + name + "” points to no part");
    }
    if (found->second.type != "worksheet") continue;  // chart and dialog sheets hold no cells
    if (!archive.Has(found->second.target)) {
      return NotAWorkbook("工作表“" + name + "”的部件 " + found->second.target + " 缺失",
                          "the part " + found->second.target + " of sheet “" + name + "” is missing");
    }
    if (layout.sheets.size() >= kMaxSheets) return NotAWorkbook("工作表过多", "too many sheets");
    std::string_view state = Attribute(sheet, "state").value();
    layout.sheets.push_back({std::move(name), found->second.target, state == "hidden" || state == "veryHidden"});
  }
  for (const auto& [id, relationship] : *relationships) {
    if (relationship.external || relationship.target.empty() || !archive.Has(relationship.target)) continue;
    if (relationship.type == "sharedStrings") layout.shared_strings = relationship.target;
    if (relationship.type == "styles") layout.styles = relationship.target;
  }
  return layout;
}

}  // namespace sanpi::excel
