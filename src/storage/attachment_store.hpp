#pragma once
// 附件 of a project: the file under the data directory, its record in the database. The name on
// disk is random hex (never the uploader's name, which is kept only for display and downloads), the
// bytes carry a SHA-256 checksum, and the type comes from the bytes (core/attachment.hpp).
// Attachments are as visible and writable as their project.
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/attachment.hpp"
#include "storage/database.hpp"

namespace sanpi::storage {

struct StoredFile {
  core::Attachment attachment;
  std::string bytes;
};

class AttachmentStore {
 public:
  // `data_dir`: the folder files live under (data_dir/attachments/ab/abcdef…); empty disables uploads.
  AttachmentStore(Transaction& tx, std::string data_dir) : tx_(tx), data_dir_(std::move(data_dir)) {}

  core::Result<std::vector<core::Attachment>> List(const core::Principal& caller, std::int64_t project_id);
  // Checks the upload (CheckUpload: 415, 413, 400), writes the file, then its record and the audit
  // entry in the caller's transaction. A file whose transaction rolls back stays on disk unreferenced.
  core::Result<core::Attachment> Save(const core::Principal& caller, std::int64_t project_id,
                                      core::AttachmentCategory category, const std::string& file_name,
                                      const std::string& declared_type, const std::string& bytes);
  // NotFound when the record or its file is missing; Internal when the file no longer matches its checksum.
  core::Result<StoredFile> Open(const core::Principal& caller, std::int64_t project_id, std::int64_t attachment_id);
  // Removes the record (audited); the file is kept until a cleanup, so a rollback loses nothing.
  core::Status Delete(const core::Principal& caller, std::int64_t project_id, std::int64_t attachment_id);

 private:
  core::Result<core::Attachment> Find(const core::Principal& caller, std::int64_t project_id, std::int64_t attachment_id);
  std::string PathOf(const std::string& stored_name) const;
  Transaction& tx_;
  std::string data_dir_;
};

// Hex SHA-256 of `bytes` (libsodium crypto_hash_sha256).
std::string Sha256Hex(const std::string& bytes);

}  // namespace sanpi::storage
