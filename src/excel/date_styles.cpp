#include "excel/date_styles.hpp"

#include <charconv>
#include <optional>
#include <unordered_map>

#include "excel/limits.hpp"
#include "excel/xml_dom.hpp"
#include "excel/zip_archive.hpp"

namespace sanpi::excel {
namespace {

core::Status BadStyles(const std::string& zh, const std::string& en) {
  return core::Status::Malformed({"样式部件 styles.xml 无效:" + zh, "the styles part styles.xml is invalid: " + en});
}

std::optional<std::uint32_t> ParseIndex(const char* text) {
  std::string_view view(text);
  std::uint32_t value = 0;
  auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), value);
  if (error != std::errc{} || end != view.data() + view.size() || view.empty()) return std::nullopt;
  return value;
}

}  // namespace

bool IsDateFormatCode(std::string_view code) {
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    switch (c) {
      case '"': {  // quoted literal text
        std::size_t close = code.find('"', i + 1);
        if (close == std::string_view::npos) return false;
        i = close;
        continue;
      }
      case '\\':  // escaped character
      case '_':   // padding the width of the next character
      case '*':   // fill with the next character
        ++i;
        continue;
      case '[': {
        std::size_t close = code.find(']', i + 1);
        if (close == std::string_view::npos) return false;
        std::string_view inside = code.substr(i + 1, close - i - 1);
        // [h], [mm], [ss] are elapsed-time tokens; [Red], [$-804], [>100] are not.
        if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) return true;
        i = close;
        continue;
      }
      default:
        break;
    }
    switch (c) {
      case 'y':
      case 'Y':
      case 'm':
      case 'M':
      case 'd':
      case 'D':
      case 'h':
      case 'H':
      case 's':
      case 'S':
        return true;
      default:
        break;
    }
  }
  return false;
}

bool IsBuiltInDateFormat(std::uint32_t id) {
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

core::Result<DateStyles> DateStyles::Parse(const pugi::xml_document& document) {
  pugi::xml_node root = document.document_element();
  if (LocalName(root) != "styleSheet") return BadStyles("根元素不是 styleSheet", "the root element is not styleSheet");
  std::unordered_map<std::uint32_t, bool> custom;  // numFmtId → is a date format
  if (pugi::xml_node formats = Child(root, "numFmts")) {
    for (pugi::xml_node format : formats.children()) {
      if (LocalName(format) != "numFmt") continue;
      if (custom.size() >= kMaxNumberFormats) return BadStyles("数字格式过多", "too many number formats");
      auto id = ParseIndex(Attribute(format, "numFmtId").value());
      if (!id) return BadStyles("numFmtId 不是数字", "a numFmtId is not a number");
      custom[*id] = IsDateFormatCode(Attribute(format, "formatCode").value());
    }
  }
  DateStyles styles;
  if (pugi::xml_node xfs = Child(root, "cellXfs")) {
    for (pugi::xml_node xf : xfs.children()) {
      if (LocalName(xf) != "xf") continue;
      if (styles.is_date_.size() >= kMaxCellStyles) return BadStyles("单元格样式过多", "too many cell styles");
      pugi::xml_attribute id_attribute = Attribute(xf, "numFmtId");
      std::uint32_t id = 0;  // General when absent
      if (id_attribute) {
        auto parsed = ParseIndex(id_attribute.value());
        if (!parsed) return BadStyles("numFmtId 不是数字", "a numFmtId is not a number");
        id = *parsed;
      }
      auto found = custom.find(id);
      styles.is_date_.push_back(found != custom.end() ? found->second : IsBuiltInDateFormat(id));
    }
  }
  return styles;
}

core::Result<DateStyles> DateStyles::Load(ZipArchive& archive, std::string_view part) {
  pugi::xml_document document;
  if (core::Status loaded = LoadXmlPart(archive, part, document); !loaded.ok()) return loaded;
  return Parse(document);
}

}  // namespace sanpi::excel
