#include "excel/sheet_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "excel/limits.hpp"
#include "excel/ooxml_text.hpp"
#include "excel/xml_pull_parser.hpp"

namespace sanpi::excel {
namespace {

std::optional<std::uint64_t> ParseUnsigned(std::string_view text) {
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> ParseNumber(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<CellRange> ParseRange(std::string_view text) {
  auto colon = text.find(':');
  auto first = ParseCellReference(text.substr(0, colon));
  auto last = colon == std::string_view::npos ? first : ParseCellReference(text.substr(colon + 1));
  if (!first || !last || last->row < first->row || last->column < first->column) return std::nullopt;
  return CellRange{*first, *last};
}

// The parse of one sheet: the pull loop's state and what each element does to it.
class SheetParser {
 public:
  SheetParser(ByteSource& source, const SheetContext& context, const RowSink& sink, std::vector<CellRange>& merges)
      : xml_(source, std::string(context.part)), context_(context), sink_(sink), merges_(merges) {}

  // Handlers return false after storing the reason in status_: a Status per event would cost a
  // third of the parse time on a 3,000,000-cell sheet.
  core::Status Run() {
    while (true) {
      bool going = true;
      switch (xml_.Next()) {
        case XmlPullParser::Event::kError:
          return xml_.status();
        case XmlPullParser::Event::kEnd:
          return core::Status::Ok();
        case XmlPullParser::Event::kStartElement:
          going = Start();
          break;
        case XmlPullParser::Event::kEndElement:
          going = End();
          break;
        case XmlPullParser::Event::kText:
          going = Text();
          break;
      }
      if (!going) return std::move(status_);
    }
  }

 private:
  bool Malformed(const std::string& zh, const std::string& en) {
    core::Text where = CellLocation{std::string(context_.name), row_.number, column_}.Describe();
    return Stop(core::Status::Malformed({where.zh + ":" + zh, where.en + ": " + en}));
  }
  bool Stop(core::Status status) {
    status_ = std::move(status);
    return false;
  }

  // Ordered by frequency: cell content first, since a big sheet is almost all <c> and <v>.
  bool Start() {
    std::string_view name = xml_.name();
    if (in_cell_) {
      if (NameIs(name, "v"))
        collecting_ = true;
      else if (NameIs(name, "t"))
        collecting_ = in_inline_ && in_phonetic_ == 0;
      else if (NameIs(name, "is"))
        in_inline_ = true;
      else if (NameIs(name, "rPh"))
        ++in_phonetic_;
    } else if (NameIs(name, "c")) {
      if (in_row_) return StartCell();
    } else if (NameIs(name, "row")) {
      if (in_sheet_data_) return StartRow();
    } else if (NameIs(name, "sheetData")) {
      in_sheet_data_ = true;
    } else if (NameIs(name, "mergeCell")) {
      return AddMerge();
    }
    return true;
  }

  bool End() {
    std::string_view name = xml_.name();
    if (in_cell_) {
      if (NameIs(name, "v"))
        collecting_ = false, has_value_ = true;
      else if (NameIs(name, "t"))
        collecting_ = false;
      else if (NameIs(name, "is"))
        in_inline_ = false, has_value_ = true;
      else if (NameIs(name, "rPh"))
        --in_phonetic_;
      else if (NameIs(name, "c"))
        return FinishCell();
    } else if (NameIs(name, "row")) {
      if (in_row_) {
        in_row_ = false;
        return FinishRow();
      }
    } else if (NameIs(name, "sheetData")) {
      in_sheet_data_ = false;
    }
    return true;
  }

  bool Text() {
    if (!collecting_) return true;
    if (value_.size() + xml_.text().size() > kMaxCellTextBytes) {
      return Stop(core::Status::TooLarge({CellLocation{std::string(context_.name), row_.number, column_}.Describe().zh +
                                              ":单元格内容超过 32767 个字符上限",
                                          CellLocation{std::string(context_.name), row_.number, column_}.Describe().en +
                                              ": the cell holds more than the 32,767-character limit"}));
    }
    value_.append(xml_.text());
    return true;
  }

  bool StartRow() {
    std::uint64_t number = last_row_ + 1;
    if (const std::string_view* reference = xml_.FindAttribute("r")) {
      auto parsed = ParseUnsigned(*reference);
      if (!parsed) return Malformed("行号无效", "an invalid row number");
      number = *parsed;
    }
    if (number < 1 || number > kMaxRowNumber) {
      return Stop(
          core::Status::TooLarge({"工作表“" + std::string(context_.name) + "”的行号超出 1–1048576",
                                  "sheet “" + std::string(context_.name) + "” has a row number outside 1–1048576"}));
    }
    in_row_ = true;
    row_.number = static_cast<std::uint32_t>(number);
    row_.cells.clear();
    // A sink that took the last row's cells left no room: make room for as many again at once.
    row_.cells.reserve(last_row_width_);
    last_row_ = number;
    column_ = 0;
    return true;
  }

  bool StartCell() {
    std::uint32_t column = column_ + 1;  // a cell without a reference follows the previous one
    if (const std::string_view* reference = xml_.FindAttribute("r")) {
      auto position = ParseCellReference(*reference);
      if (!position)
        return Malformed("单元格引用无效:" + std::string(*reference),
                         "an invalid cell reference " + std::string(*reference));
      column = position->column;
    }
    if (column > kMaxColumnNumber) return Malformed("列号超出 XFD", "a column beyond XFD");
    column_ = column;
    type_.assign(xml_.Attribute("t"));
    style_ = 0;
    if (const std::string_view* style_text = xml_.FindAttribute("s")) {
      auto style = ParseUnsigned(*style_text);
      if (!style || *style > UINT32_MAX) return Malformed("样式编号无效", "an invalid style index");
      style_ = static_cast<std::uint32_t>(*style);
    }
    in_cell_ = true;
    in_inline_ = collecting_ = has_value_ = false;
    in_phonetic_ = 0;
    value_.clear();
    return true;
  }

  bool FinishCell() {
    in_cell_ = false;
    CellValue value;
    if (!Value(value)) return false;
    if (std::holds_alternative<std::monostate>(value)) return true;
    if (++cell_count_ > kMaxCellsPerSheet) {
      return Stop(core::Status::TooLarge(
          {"工作表“" + std::string(context_.name) + "”的单元格超过 " + std::to_string(kMaxCellsPerSheet) + " 个上限",
           "sheet “" + std::string(context_.name) + "” has more than " + std::to_string(kMaxCellsPerSheet) +
               " cells"}));
    }
    row_.cells.push_back(Cell{column_, std::move(value)});
    return true;
  }

  // Leaves `out` empty for an empty cell.
  bool Value(CellValue& out) {
    if (!has_value_) return true;
    if (NameIs(type_, "s")) {
      auto index = ParseUnsigned(value_);
      const std::string* text = index ? context_.strings.Find(*index) : nullptr;
      if (text == nullptr)
        return Malformed("共享字符串编号 " + value_ + " 不存在", "shared string " + value_ + " does not exist");
      if (!text->empty()) out = *text;
      return true;
    }
    if (NameIs(type_, "inlineStr") || NameIs(type_, "str")) {
      if (NameIs(type_, "inlineStr")) DecodeOoxmlEscapes(value_);
      if (!value_.empty()) out = value_;
      return true;
    }
    if (NameIs(type_, "b")) {
      bool is_true = value_ == "1" || value_ == "true";
      if (!is_true && value_ != "0" && value_ != "false")
        return Malformed("布尔值无效:" + value_, "an invalid boolean " + value_);
      out = is_true;
      return true;
    }
    if (NameIs(type_, "e")) {
      if (!value_.empty()) out = CellError{value_};
      return true;
    }
    if (NameIs(type_, "d")) {  // ISO 8601 date, written by a few tools
      auto date = core::Date::Parse(std::string_view(value_).substr(0, 10));
      if (!date) return Malformed("日期无效:" + value_, "an invalid date " + value_);
      out = *date;
      return true;
    }
    if (!type_.empty() && !NameIs(type_, "n"))
      return Malformed("未知的单元格类型 " + type_, "an unknown cell type " + type_);
    if (value_.empty()) return true;
    auto number = ParseNumber(value_);
    if (!number) return Malformed("数字无效:" + value_.substr(0, 40), "an invalid number " + value_.substr(0, 40));
    if (context_.styles.IsDate(style_)) {
      if (auto date = SerialToDate(*number, context_.date_system)) {
        out = *date;
        return true;
      }
    }
    out = *number;
    return true;
  }

  bool FinishRow() {
    if (row_.cells.empty()) return true;
    last_row_width_ = row_.cells.size();
    auto by_column = [](const Cell& a, const Cell& b) { return a.column < b.column; };
    if (!std::is_sorted(row_.cells.begin(), row_.cells.end(), by_column)) {
      std::stable_sort(row_.cells.begin(), row_.cells.end(), by_column);
    }
    core::Status taken = sink_(row_);
    return taken.ok() ? true : Stop(std::move(taken));
  }

  bool AddMerge() {
    auto range = ParseRange(xml_.Attribute("ref"));
    if (!range) return Malformed("合并区域无效", "an invalid merged range");
    if (merges_.size() >= kMaxMergeRanges) {
      return Stop(core::Status::TooLarge({"工作表“" + std::string(context_.name) + "”的合并区域过多",
                                          "sheet “" + std::string(context_.name) + "” has too many merged ranges"}));
    }
    merges_.push_back(*range);
    return true;
  }

  XmlPullParser xml_;
  const SheetContext& context_;
  const RowSink& sink_;
  std::vector<CellRange>& merges_;

  bool in_sheet_data_ = false, in_row_ = false, in_cell_ = false, in_inline_ = false;
  bool collecting_ = false, has_value_ = false;
  int in_phonetic_ = 0;
  Row row_;
  std::uint64_t last_row_ = 0;
  std::uint32_t column_ = 0, style_ = 0;
  std::string type_, value_;
  std::size_t cell_count_ = 0, last_row_width_ = 0;
  core::Status status_;
};

}  // namespace

core::Status ReadSheetXml(ByteSource& source, const SheetContext& context, const RowSink& sink,
                          std::vector<CellRange>& merges) {
  return SheetParser(source, context, sink, merges).Run();
}

}  // namespace sanpi::excel
