#include "core/attachment.hpp"

#include <array>

#include "core/validation.hpp"

namespace sanpi::core {
namespace {

struct TypeNames {
  FileType type;
  std::string_view mime;
  std::string_view extension;
};
constexpr std::array<TypeNames, 5> kTypes{{
    {FileType::kJpeg, "image/jpeg", "jpg"},
    {FileType::kPng, "image/png", "png"},
    {FileType::kPdf, "application/pdf", "pdf"},
    {FileType::kXlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"},
    {FileType::kDocx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"},
}};

constexpr std::array<std::pair<AttachmentCategory, std::string_view>, 3> kCategories{{
    {AttachmentCategory::kPhoto, "photo"}, {AttachmentCategory::kPlan, "plan"}, {AttachmentCategory::kOther, "other"}}};

bool StartsWith(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string_view MimeType(FileType type) { return kTypes[static_cast<size_t>(type)].mime; }
std::string_view Extension(FileType type) { return kTypes[static_cast<size_t>(type)].extension; }

std::optional<FileType> ParseMimeType(std::string_view content_type) {
  std::string base = Lower(content_type.substr(0, content_type.find(';')));
  while (!base.empty() && base.back() == ' ') base.pop_back();
  for (const auto& entry : kTypes)
    if (entry.mime == base) return entry.type;
  return std::nullopt;
}

std::optional<FileType> SniffFileType(std::string_view bytes) {
  if (StartsWith(bytes, "\xFF\xD8\xFF")) return FileType::kJpeg;
  if (StartsWith(bytes, "\x89PNG\r\n\x1A\n")) return FileType::kPng;
  if (StartsWith(bytes, "%PDF-")) return FileType::kPdf;
  if (StartsWith(bytes, std::string_view("PK\x03\x04", 4))) {
    // Entry names are stored in the clear in local headers; an OOXML package names its parts early.
    std::string_view head = bytes.substr(0, 64 * 1024);
    if (head.find("xl/") != std::string_view::npos) return FileType::kXlsx;
    if (head.find("word/") != std::string_view::npos) return FileType::kDocx;
  }
  return std::nullopt;
}

std::string_view AttachmentCategoryCode(AttachmentCategory category) {
  for (const auto& [value, code] : kCategories)
    if (value == category) return code;
  return "other";
}

std::optional<AttachmentCategory> ParseAttachmentCategory(std::string_view text) {
  for (const auto& [value, code] : kCategories)
    if (code == text) return value;
  return std::nullopt;
}

Result<FileType> CheckUpload(std::string_view declared_type, std::string_view file_name, std::string_view bytes) {
  auto declared = ParseMimeType(declared_type);
  if (!declared) {
    return Status::UnsupportedMedia({"仅支持 JPEG、PNG、PDF、XLSX、DOCX 文件",
                                     "only JPEG, PNG, PDF, XLSX and DOCX files are accepted"});
  }
  if (bytes.empty()) return Status::InvalidField("file", {"文件为空", "the file is empty"});
  if (static_cast<std::int64_t>(bytes.size()) > kMaxAttachmentBytes) {
    return Status::TooLarge({"文件超过20MB上限", "the file is larger than the 20 MB limit"});
  }
  auto sniffed = SniffFileType(bytes);
  if (!sniffed || *sniffed != *declared) {
    return Status::UnsupportedMedia({"文件内容与声明的类型（" + std::string(MimeType(*declared)) + "）不符",
                                     "the file's content does not match its declared type (" +
                                         std::string(MimeType(*declared)) + ")"});
  }
  long length = Utf8Length(file_name);
  bool bad_char = false;
  for (unsigned char c : file_name) bad_char = bad_char || c < 0x20 || c == 0x7F || c == '/' || c == '\\';
  if (file_name.empty() || length < 0 || length > kMaxAttachmentNameChars || bad_char || file_name == "." ||
      file_name == "..") {
    return Status::InvalidField("X-Filename", {"文件名须为1至120个字符，且不含路径分隔符或控制字符",
                                               "the file name must be 1 to 120 characters without path separators or control characters"});
  }
  return *sniffed;
}

}  // namespace sanpi::core
