// /api/v1/enterprises — 企业.
#include "http/api/crud.hpp"
#include "http/api/routes.hpp"
#include "storage/enterprise_repository.hpp"

namespace sanpi::http {
namespace {

using core::Permission;
using storage::EnterpriseRepository;

Response List(Context& ctx) {
  auto page = ctx.Paging({"name", "uscc", "industry", "created_at", "updated_at", "id"});
  if (!page.ok()) return ErrorResponse(page.status(), ctx.language());
  storage::EnterpriseQuery query{ctx.QueryText("q"), ctx.QueryText("industry"), ctx.QueryText("tag"), *page};
  auto tx = ctx.db.Begin(storage::Access::kRead);
  return RespondPage(EnterpriseRepository(*tx).List(ctx.principal, query));
}

}  // namespace

void AddEnterpriseRoutes(Router& router) {
  const std::string base = "/api/v1/enterprises";
  router.Add({"GET", base, Permission::kReadEnterprises, List,
              {"enterprises", "企业列表 List enterprises", "", "Enterprise", true, 200,
               {{"q", "string", "name or USCC contains"}, {"industry", "string", "industry equals"},
                {"tag", "string", "has this tag"}}}});
  router.Add({"POST", base, Permission::kWriteEnterprises, CreateRecord<EnterpriseRepository, codec::EnterpriseFromJson>,
              {"enterprises", "登记企业 Create an enterprise", "EnterpriseInput", "Enterprise", false, 201, {}}});
  router.Add({"GET", base + "/{id}", Permission::kReadEnterprises, GetRecord<EnterpriseRepository>,
              {"enterprises", "企业详情 Get an enterprise", "", "Enterprise", false, 200, {}}});
  router.Add({"PUT", base + "/{id}", Permission::kWriteEnterprises, UpdateRecord<EnterpriseRepository, codec::EnterpriseFromJson>,
              {"enterprises", "修改企业 Update an enterprise", "EnterpriseUpdate", "Enterprise", false, 200, {}}});
  router.Add({"DELETE", base + "/{id}", Permission::kWriteEnterprises, DeleteRecord<EnterpriseRepository>,
              {"enterprises", "删除企业 Delete an enterprise", "", "", false, 204,
               {{"version", "integer", "the version being deleted"}}}});
}

}  // namespace sanpi::http
