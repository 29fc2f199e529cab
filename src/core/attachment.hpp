#pragma once
// 附件: plan documents and progress photos (形象进度照片) of a project. What a file is comes from its
// first bytes, not from the name or Content-Type the client sends: a declared type that the bytes
// do not bear out is refused, so a script cannot be stored as "photo.jpg".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace sanpi::core {

inline constexpr std::int64_t kMaxAttachmentBytes = 20 * 1024 * 1024;  // 20 MB: a phone photo or a scanned plan
inline constexpr long kMaxAttachmentNameChars = 120;

enum class FileType { kJpeg, kPng, kPdf, kXlsx, kDocx };

std::string_view MimeType(FileType type);  // image/jpeg, …
std::string_view Extension(FileType type);  // jpg, png, pdf, xlsx, docx
// The type a declared Content-Type names (parameters ignored); nullopt when sanpi does not take it.
std::optional<FileType> ParseMimeType(std::string_view content_type);
// The type the bytes show: JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A), PDF (%PDF-), or an
// OOXML zip (PK\3\4 with "xl/" or "word/" among the first entries' names). nullopt otherwise.
std::optional<FileType> SniffFileType(std::string_view bytes);

// 附件类别.
enum class AttachmentCategory { kPhoto, kPlan, kOther };
std::string_view AttachmentCategoryCode(AttachmentCategory category);  // photo, plan, other
std::optional<AttachmentCategory> ParseAttachmentCategory(std::string_view text);

struct Attachment {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  AttachmentCategory category = AttachmentCategory::kOther;
  std::string file_name;     // as uploaded, for display and downloads only
  FileType type = FileType::kPdf;
  std::int64_t size_bytes = 0;
  std::string sha256;        // hex
  std::string stored_name;   // random, on disk
  std::int64_t created_by = 0;
  std::string created_at;
};

// Checks an upload before anything is written: the declared type (415 when sanpi does not take it),
// the bytes against it (415 on a mismatch), the size (413 over the limit, 400 when empty) and the
// file name (400: required, at most 120 characters, no path separators or control characters).
// Returns the type the bytes show.
Result<FileType> CheckUpload(std::string_view declared_type, std::string_view file_name, std::string_view bytes);

}  // namespace sanpi::core
