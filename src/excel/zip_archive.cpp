#include "excel/zip_archive.hpp"

#include <zip.h>

#include "excel/limits.hpp"

namespace sanpi::excel {
namespace {

core::Status NotAZip(const std::string& why) {
  return core::Status::Malformed({"文件不是有效的 .xlsx(zip)文件,或已损坏、被截断:" + why,
                                  "the file is not a valid .xlsx (zip) file, or it is damaged or truncated: " + why});
}

core::Status ZipBomb(const std::string& part) {
  return core::Status::TooLarge({"文件中的“" + part + "”解压后过大或压缩比异常,拒绝读取(疑似压缩炸弹)",
                                 "part “" + part +
                                     "” is too large once decompressed or too highly compressed; refused "
                                     "(looks like a zip bomb)"});
}

core::Status MissingPart(std::string_view part) {
  std::string name(part);
  return core::Status::NotFound({"工作簿缺少部件“" + name + "”", "the workbook has no part “" + name + "”"});
}

std::string_view PartName(std::string_view part) {
  if (!part.empty() && part.front() == '/') part.remove_prefix(1);
  return part;
}

}  // namespace

struct ZipArchive::State {
  std::string bytes;
  zip_t* archive = nullptr;
  std::uint64_t total_read = 0;  // decompressed bytes handed out so far, all parts together

  ~State() {
    if (archive != nullptr) zip_discard(archive);
  }

  zip_int64_t Locate(std::string_view part) const {
    std::string name(PartName(part));
    return zip_name_locate(archive, name.c_str(), ZIP_FL_NOCASE);
  }
};

namespace {

// Streams one entry and enforces the limits on what it actually produces, since a header can lie.
class ZipPartSource final : public ByteSource {
 public:
  ZipPartSource(zip_file_t* file, std::string name, std::uint64_t declared, std::uint64_t compressed,
                std::uint64_t& total_read)
      : file_(file), name_(std::move(name)), declared_(declared), compressed_(compressed), total_read_(total_read) {}
  ~ZipPartSource() override { zip_fclose(file_); }

  core::Result<std::size_t> Read(char* out, std::size_t capacity) override {
    zip_int64_t count = zip_fread(file_, out, capacity);
    if (count < 0) return NotAZip(name_ + ": " + zip_file_strerror(file_));
    auto produced = static_cast<std::uint64_t>(count);
    read_ += produced;
    total_read_ += produced;
    if (read_ > declared_ || read_ > kMaxPartBytes || total_read_ > kMaxTotalBytes) return ZipBomb(name_);
    if (read_ > kRatioCheckFloorBytes && read_ / (compressed_ == 0 ? 1 : compressed_) > kMaxCompressionRatio) {
      return ZipBomb(name_);
    }
    if (count == 0 && read_ != declared_) return NotAZip(name_ + " ended early");
    return static_cast<std::size_t>(count);
  }

 private:
  zip_file_t* file_;
  std::string name_;
  std::uint64_t declared_, compressed_, read_ = 0;
  std::uint64_t& total_read_;
};

}  // namespace

ZipArchive::ZipArchive(std::unique_ptr<State> state) : state_(std::move(state)) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

core::Result<ZipArchive> ZipArchive::Open(std::string bytes) {
  if (bytes.size() > kMaxArchiveBytes) {
    return core::Status::TooLarge({"文件超过 " + std::to_string(kMaxArchiveBytes >> 20) + " MB 上限",
                                   "the file is over the " + std::to_string(kMaxArchiveBytes >> 20) + " MB limit"});
  }
  // libzip takes zero bytes for an empty archive; for us it is no workbook at all.
  if (bytes.empty()) return NotAZip("empty file");
  auto state = std::make_unique<State>();
  state->bytes = std::move(bytes);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(state->bytes.data(), state->bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return NotAZip(why);
  }
  state->archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (state->archive == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return NotAZip(why);
  }
  zip_error_fini(&error);

  zip_int64_t entries = zip_get_num_entries(state->archive, 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > kMaxZipEntries) return NotAZip("too many entries");
  std::uint64_t declared_total = 0;
  for (zip_int64_t index = 0; index < entries; ++index) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(state->archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0)
      return NotAZip("unreadable entry");
    std::string name = (stat.valid & ZIP_STAT_NAME) ? stat.name : "?";
    if (!(stat.valid & ZIP_STAT_SIZE) || !(stat.valid & ZIP_STAT_COMP_SIZE)) return NotAZip(name + " has no size");
    declared_total += stat.size;
    if (stat.size > kMaxPartBytes || declared_total > kMaxTotalBytes) return ZipBomb(name);
    std::uint64_t compressed = stat.comp_size == 0 ? 1 : stat.comp_size;
    if (stat.size > kRatioCheckFloorBytes && stat.size / compressed > kMaxCompressionRatio) return ZipBomb(name);
  }
  return ZipArchive(std::move(state));
}

bool ZipArchive::Has(std::string_view part) const { return state_->Locate(part) >= 0; }

core::Result<std::unique_ptr<ByteSource>> ZipArchive::Stream(std::string_view part) {
  zip_int64_t index = state_->Locate(part);
  if (index < 0) return MissingPart(part);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(state_->archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0)
    return NotAZip(std::string(part));
  zip_file_t* file = zip_fopen_index(state_->archive, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) return NotAZip(std::string(part) + ": " + zip_strerror(state_->archive));
  return std::unique_ptr<ByteSource>(std::make_unique<ZipPartSource>(file, std::string(PartName(part)), stat.size,
                                                                     stat.comp_size, state_->total_read));
}

core::Result<std::string> ZipArchive::ReadWhole(std::string_view part, std::uint64_t max_bytes) {
  auto stream = Stream(part);
  if (!stream.ok()) return stream.status();
  std::string bytes;
  char chunk[64 * 1024];
  while (true) {
    auto count = (*stream)->Read(chunk, sizeof chunk);
    if (!count.ok()) return count.status();
    if (*count == 0) break;
    if (bytes.size() + *count > max_bytes) return ZipBomb(std::string(PartName(part)));
    bytes.append(chunk, *count);
  }
  return bytes;
}

}  // namespace sanpi::excel
