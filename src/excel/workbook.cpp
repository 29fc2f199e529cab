#include "excel/workbook.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "excel/date_styles.hpp"
#include "excel/limits.hpp"
#include "excel/package.hpp"
#include "excel/shared_strings.hpp"
#include "excel/sheet_pipeline.hpp"
#include "excel/sheet_reader.hpp"
#include "excel/zip_archive.hpp"

namespace sanpi::excel {
namespace {

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

core::Status NoSuchSheet(std::string_view name) {
  std::string text(name);
  return core::Status::NotFound({"工作簿中没有工作表“" + text + "”", "the workbook has no sheet “" + text + "”"});
}

const CellValue kEmptyValue{};

// A visitor that reads the same workbook again would share its zip archive with the thread that is
// parsing the sheet: refused instead of racing.
core::Status ReadingAlready() {
  return core::Status::Internal({"同一工作簿正在读取中,不能在读取行时再次读取",
                                 "the workbook is already being read; a row visitor cannot read it again"});
}

}  // namespace

const Cell* Row::Find(std::uint32_t column) const {
  auto found = std::lower_bound(cells.begin(), cells.end(), column,
                                [](const Cell& cell, std::uint32_t wanted) { return cell.column < wanted; });
  return found != cells.end() && found->column == column ? &*found : nullptr;
}

std::string CellRange::ToString() const {
  return CellLocation{"", first.row, first.column}.Reference() + ":" +
         CellLocation{"", last.row, last.column}.Reference();
}

const Cell* Sheet::Find(std::uint32_t row, std::uint32_t column) const {
  auto found = std::lower_bound(rows.begin(), rows.end(), row,
                                [](const Row& candidate, std::uint32_t wanted) { return candidate.number < wanted; });
  return found != rows.end() && found->number == row ? found->Find(column) : nullptr;
}

const CellValue& Sheet::Shown(std::uint32_t row, std::uint32_t column) const {
  for (const CellRange& merge : merges) {
    if (merge.Contains(row, column)) {
      const Cell* origin = Find(merge.first.row, merge.first.column);
      return origin != nullptr ? origin->value : kEmptyValue;
    }
  }
  const Cell* cell = Find(row, column);
  return cell != nullptr ? cell->value : kEmptyValue;
}

struct Workbook::State {
  ZipArchive archive;
  PackageLayout layout;
  SharedStrings strings;
  DateStyles styles;
  std::vector<SheetInfo> sheets;
  bool reading = false;  // a ForEachRow is under way
};

Workbook::Workbook(std::unique_ptr<State> state) : state_(std::move(state)) {}
Workbook::Workbook(Workbook&&) noexcept = default;
Workbook& Workbook::operator=(Workbook&&) noexcept = default;
Workbook::~Workbook() = default;

core::Result<Workbook> Workbook::OpenFile(const std::string& path) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (error) return core::Status::NotFound({"无法读取文件 " + path, "cannot read the file " + path});
  if (size > kMaxArchiveBytes) {
    return core::Status::TooLarge({"文件超过 " + std::to_string(kMaxArchiveBytes >> 20) + " MB 上限",
                                   "the file is over the " + std::to_string(kMaxArchiveBytes >> 20) + " MB limit"});
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(size, '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) {
    return core::Status::NotFound({"无法读取文件 " + path, "cannot read the file " + path});
  }
  return FromBytes(std::move(bytes));
}

core::Result<Workbook> Workbook::FromBytes(std::string bytes) {
  auto archive = ZipArchive::Open(std::move(bytes));
  if (!archive.ok()) return archive.status();
  auto layout = ReadPackageLayout(*archive);
  if (!layout.ok()) return layout.status();
  SharedStrings strings;
  if (!layout->shared_strings.empty()) {
    auto loaded = SharedStrings::Load(*archive, layout->shared_strings);
    if (!loaded.ok()) return loaded.status();
    strings = std::move(*loaded);
  }
  DateStyles styles;
  if (!layout->styles.empty()) {
    auto loaded = DateStyles::Load(*archive, layout->styles);
    if (!loaded.ok()) return loaded.status();
    styles = std::move(*loaded);
  }
  std::vector<SheetInfo> sheets;
  for (const SheetPart& part : layout->sheets) sheets.push_back({part.name, part.hidden});
  return Workbook(std::make_unique<State>(
      State{std::move(*archive), std::move(*layout), std::move(strings), std::move(styles), std::move(sheets), false}));
}

const std::vector<SheetInfo>& Workbook::sheets() const { return state_->sheets; }

DateSystem Workbook::date_system() const { return state_->layout.date_system; }

std::optional<std::size_t> Workbook::FindSheet(std::string_view name) const {
  const auto& sheets = state_->sheets;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    if (sheets[i].name == name) return i;
  }
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    if (EqualsIgnoringAsciiCase(sheets[i].name, name)) return i;
  }
  return std::nullopt;
}

core::Status Workbook::ForEachRow(std::size_t sheet, const RowVisitor& visit, std::vector<CellRange>* merges) {
  if (sheet >= state_->layout.sheets.size()) return NoSuchSheet("#" + std::to_string(sheet + 1));
  if (state_->reading) return ReadingAlready();
  const SheetPart& part = state_->layout.sheets[sheet];
  auto stream = state_->archive.Stream(part.part);
  if (!stream.ok()) return stream.status();
  std::vector<CellRange> ignored;
  SheetContext context{part.name, part.part, state_->strings, state_->styles, state_->layout.date_system};
  struct ReadingFlag {
    bool& reading;
    explicit ReadingFlag(bool& flag) : reading(flag) { reading = true; }
    ~ReadingFlag() { reading = false; }
  } flag(state_->reading);
  return ReadSheetXmlInBackground(**stream, context, visit, merges != nullptr ? *merges : ignored);
}

core::Result<Sheet> Workbook::ReadSheet(std::size_t index) {
  if (index >= state_->layout.sheets.size()) return NoSuchSheet("#" + std::to_string(index + 1));
  Sheet sheet;
  sheet.name = state_->layout.sheets[index].name;
  core::Status status = ForEachRow(
      index,
      [&](const Row& row) {
        sheet.rows.push_back(row);
        return core::Status::Ok();
      },
      &sheet.merges);
  if (!status.ok()) return status;
  auto by_number = [](const Row& a, const Row& b) { return a.number < b.number; };
  if (!std::is_sorted(sheet.rows.begin(), sheet.rows.end(), by_number)) {
    std::stable_sort(sheet.rows.begin(), sheet.rows.end(), by_number);
  }
  return sheet;
}

core::Result<Sheet> Workbook::ReadSheet(std::string_view name) {
  auto index = FindSheet(name);
  if (!index) return NoSuchSheet(name);
  return ReadSheet(*index);
}

}  // namespace sanpi::excel
