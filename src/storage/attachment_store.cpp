#include "storage/attachment_store.hpp"

#include <sodium.h>

#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "codec/project_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/clock.hpp"
#include "storage/project_repository.hpp"

namespace sanpi::storage {
namespace {

namespace fs = std::filesystem;

constexpr const char* kColumns =
    "id, project_id, category, file_name, content_type, size_bytes, sha256, stored_name, created_by, created_at";

core::Attachment FromRow(const Row& row) {
  core::Attachment a;
  a.id = row.Int(0);
  a.project_id = row.Int(1);
  a.category = core::ParseAttachmentCategory(row.Text(2)).value_or(core::AttachmentCategory::kOther);
  a.file_name = row.Text(3);
  a.type = core::ParseMimeType(row.Text(4)).value_or(core::FileType::kPdf);
  a.size_bytes = row.Int(5);
  a.sha256 = row.Text(6);
  a.stored_name = row.Text(7);
  a.created_by = row.Int(8);
  a.created_at = row.Text(9);
  return a;
}

std::string Hex(const unsigned char* data, size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

core::Status NotFound() { return core::Status::NotFound({"附件不存在", "attachment not found"}); }

}  // namespace

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return Hex(digest, sizeof digest);
}

std::string AttachmentStore::PathOf(const std::string& stored_name) const {
  return (fs::path(data_dir_) / "attachments" / stored_name.substr(0, 2) / stored_name).string();
}

core::Result<std::vector<core::Attachment>> AttachmentStore::List(const core::Principal& caller,
                                                                  std::int64_t project_id) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  std::vector<core::Attachment> out;
  for (auto row : tx_.Query(std::string("SELECT ") + kColumns + " FROM attachments WHERE project_id = $1 ORDER BY id",
                            {project_id})) {
    out.push_back(FromRow(row));
  }
  return out;
}

core::Result<core::Attachment> AttachmentStore::Save(const core::Principal& caller, std::int64_t project_id,
                                                     core::AttachmentCategory category, const std::string& file_name,
                                                     const std::string& declared_type, const std::string& bytes) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  auto type = core::CheckUpload(declared_type, file_name, bytes);
  if (!type.ok()) return type.status();
  if (data_dir_.empty()) {
    return core::Status::Internal({"服务器未配置数据目录，无法保存附件", "no data directory is configured for attachments"});
  }
  if (sodium_init() < 0) return core::Status::Internal({"加密库初始化失败", "libsodium failed to initialise"});
  unsigned char random[16];
  randombytes_buf(random, sizeof random);
  core::Attachment a;
  a.project_id = project_id;
  a.category = category;
  a.file_name = file_name;
  a.type = *type;
  a.size_bytes = static_cast<std::int64_t>(bytes.size());
  a.sha256 = Sha256Hex(bytes);
  a.stored_name = Hex(random, sizeof random);
  a.created_by = caller.user_id;
  a.created_at = NowLocal();

  // Write to a temporary name and rename, so a reader never sees half a file.
  fs::path path = PathOf(a.stored_name);
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  fs::path temporary = path;
  temporary += ".part";
  {
    std::ofstream out(temporary, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) error = std::make_error_code(std::errc::io_error);
  }
  if (!error) fs::rename(temporary, path, error);
  if (error) {
    fs::remove(temporary, error);
    return core::Status::Internal({"附件写入失败", "the attachment could not be written"});
  }
  auto rows = tx_.Query(
      "INSERT INTO attachments (project_id, category, file_name, content_type, size_bytes, sha256, stored_name, "
      "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {project_id, std::string(core::AttachmentCategoryCode(category)), a.file_name, std::string(core::MimeType(a.type)),
       a.size_bytes, a.sha256, a.stored_name, a.created_by == 0 ? Value{nullptr} : Value{a.created_by}, a.created_at});
  a.id = rows.front().Int(0);
  AuditLog(tx_).Append(caller, "create", "attachment", std::to_string(a.id), "",
                       boost::json::serialize(codec::ToJson(a)));
  return a;
}

core::Result<core::Attachment> AttachmentStore::Find(const core::Principal& caller, std::int64_t project_id,
                                                     std::int64_t attachment_id) {
  auto project = ProjectRepository(tx_).Get(caller, project_id);
  if (!project.ok()) return project.status();
  auto rows = tx_.Query(std::string("SELECT ") + kColumns + " FROM attachments WHERE id = $1 AND project_id = $2",
                        {attachment_id, project_id});
  if (rows.empty()) return NotFound();
  return FromRow(rows.front());
}

core::Result<StoredFile> AttachmentStore::Open(const core::Principal& caller, std::int64_t project_id,
                                               std::int64_t attachment_id) {
  auto found = Find(caller, project_id, attachment_id);
  if (!found.ok()) return found.status();
  std::ifstream in(PathOf(found->stored_name), std::ios::binary);
  if (!in) return NotFound();
  StoredFile file{*found, std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())};
  if (Sha256Hex(file.bytes) != found->sha256) {
    return core::Status::Internal({"附件校验失败，文件可能已损坏", "the attachment failed its checksum; the file may be damaged"});
  }
  return file;
}

core::Status AttachmentStore::Delete(const core::Principal& caller, std::int64_t project_id, std::int64_t attachment_id) {
  auto found = Find(caller, project_id, attachment_id);
  if (!found.ok()) return found.status();
  tx_.Execute("DELETE FROM attachments WHERE id = $1", {attachment_id});
  AuditLog(tx_).Append(caller, "delete", "attachment", std::to_string(attachment_id),
                       boost::json::serialize(codec::ToJson(*found)), "");
  return core::Status::Ok();
}

}  // namespace sanpi::storage
