// /api/v1/projects/{id}/attachments — 附件: raw-body uploads (Content-Type names the type, the
// bytes must bear it out; X-Filename carries the name, percent-encoded for non-ASCII), downloads
// with their type and name, deletion. As visible and writable as the project.
#include <boost/json/array.hpp>

#include "codec/project_json.hpp"
#include "http/api/respond.hpp"
#include "http/api/routes.hpp"
#include "storage/attachment_store.hpp"

namespace sanpi::http {
namespace {

namespace json = boost::json;
using core::Permission;
using storage::AttachmentStore;

// RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name.
std::string ContentDisposition(const std::string& name, core::FileType type) {
  static const char* kHex = "0123456789ABCDEF";
  std::string encoded, ascii;
  for (unsigned char c : name) {
    bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
    ascii += plain ? static_cast<char>(c) : '_';
  }
  if (ascii.find_first_not_of("_.") == std::string::npos) ascii = "attachment." + std::string(core::Extension(type));
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

void AddAttachmentRoutes(Router& router, const std::string& data_dir) {
  const std::string base = "/api/v1/projects/{id}/attachments";
  auto list = [data_dir](Context& ctx) {
    auto id = ctx.PathId();
    if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
    auto tx = ctx.db.Begin(storage::Access::kRead);
    auto items = AttachmentStore(*tx, data_dir).List(ctx.principal, *id);
    if (!items.ok()) return ErrorResponse(items.status(), ctx.language());
    json::array out;
    for (const auto& item : *items) out.push_back(codec::ToJson(item));
    auto total = static_cast<std::int64_t>(out.size());
    return JsonResponse(200, json::object{{"items", std::move(out)}, {"total", total}});
  };
  auto upload = [data_dir](Context& ctx) {
    auto id = ctx.PathId();
    if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
    bool decoded = true;
    std::string name = UrlDecode(ctx.request.Header("x-filename"), false, decoded);
    if (!decoded) name.clear();
    std::string category_text = ctx.QueryText("category");
    auto category = category_text.empty() ? std::optional(core::AttachmentCategory::kOther)
                                          : core::ParseAttachmentCategory(category_text);
    if (!category) {
      return ErrorResponse(core::Status::InvalidField("category", {"类别应为 photo、plan 或 other", "category must be photo, plan or other"}),
                           ctx.language());
    }
    auto tx = ctx.db.Begin(storage::Access::kWrite);
    auto saved = AttachmentStore(*tx, data_dir)
                     .Save(ctx.principal, *id, *category, name, ctx.request.Header("content-type"), ctx.request.body);
    if (saved.ok()) tx->Commit();
    return Respond(ctx, saved, 201);
  };
  auto download = [data_dir](Context& ctx) {
    auto id = ctx.PathId();
    if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
    auto attachment_id = ctx.PathId("attachment_id");
    if (!attachment_id.ok()) return ErrorResponse(attachment_id.status(), ctx.language());
    auto tx = ctx.db.Begin(storage::Access::kRead);
    auto file = AttachmentStore(*tx, data_dir).Open(ctx.principal, *id, *attachment_id);
    if (!file.ok()) return ErrorResponse(file.status(), ctx.language());
    Response response;
    response.content_type = std::string(core::MimeType(file->attachment.type));
    response.headers.emplace_back("Content-Disposition", ContentDisposition(file->attachment.file_name, file->attachment.type));
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    response.headers.emplace_back("ETag", "\"" + file->attachment.sha256 + "\"");
    response.body = std::move(file->bytes);
    return response;
  };
  auto remove = [data_dir](Context& ctx) {
    auto id = ctx.PathId();
    if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
    auto attachment_id = ctx.PathId("attachment_id");
    if (!attachment_id.ok()) return ErrorResponse(attachment_id.status(), ctx.language());
    auto tx = ctx.db.Begin(storage::Access::kWrite);
    auto deleted = AttachmentStore(*tx, data_dir).Delete(ctx.principal, *id, *attachment_id);
    if (deleted.ok()) tx->Commit();
    return Respond(ctx, deleted);
  };
  router.Add({"GET", base, Permission::kReadProjects, list,
              {"projects", "附件列表 List a project's attachments", "", "Attachment", true, 200, {}}});
  router.Add({"POST", base, Permission::kWriteProjects, upload,
              {"projects", "上传附件 Upload an attachment (raw body; Content-Type image/jpeg|image/png|application/pdf|xlsx|docx; "
                           "X-Filename percent-encoded; at most 1 MiB through the server for now)",
               "", "Attachment", false, 201, {{"category", "string", "photo|plan|other"}}}});
  router.Add({"GET", base + "/{attachment_id}", Permission::kReadProjects, download,
              {"projects", "下载附件 Download an attachment", "", "", false, 200, {}}});
  router.Add({"DELETE", base + "/{attachment_id}", Permission::kWriteProjects, remove,
              {"projects", "删除附件 Delete an attachment", "", "", false, 204, {}}});
}

}  // namespace sanpi::http
