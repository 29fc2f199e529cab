#include "storage/enterprise_repository.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codec/account_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/clock.hpp"
#include "storage/org_unit_repository.hpp"
#include "storage/scope_sql.hpp"

namespace sanpi::storage {
namespace {

constexpr const char* kColumns =
    "t.id, t.region_code, t.unit_id, t.created_by, t.name, t.uscc, t.industry, t.tags, t.address, t.contact, "
    "t.phone, t.version, t.created_at, t.updated_at";

core::Enterprise FromRow(const Row& row) {
  core::Enterprise e;
  e.id = row.Int(0);
  e.region_code = row.Text(1);
  e.unit_id = row.Int(2);
  e.created_by = row.Int(3);
  e.name = row.Text(4);
  e.uscc = row.Text(5);
  e.industry = row.Text(6);
  boost::system::error_code ignored;
  auto tags = boost::json::parse(row.Text(7), ignored);
  if (auto* array = tags.if_array())
    for (const auto& tag : *array)
      if (tag.is_string()) e.tags.emplace_back(tag.get_string());
  e.address = row.Text(8);
  e.contact = row.Text(9);
  e.phone = row.Text(10);
  e.version = row.Int(11);
  e.created_at = row.Text(12);
  e.updated_at = row.Text(13);
  return e;
}

std::string TagsJson(const std::vector<std::string>& tags) {
  boost::json::array array;
  for (const auto& tag : tags) array.emplace_back(tag);
  return boost::json::serialize(array);
}

std::string Snapshot(const core::Enterprise& e) { return boost::json::serialize(codec::ToJson(e)); }

// An enterprise contact sees only his own company, whatever his data scope.
std::string VisibleTo(const core::Principal& caller, Params& params) {
  if (caller.roles.size() == 1 && caller.Has(core::Role::kEnterprise)) {
    return "(t.id = " + Bind(params, caller.enterprise_id) + ")";
  }
  return ScopePredicate(caller, {}, params);
}

core::Status NotFound() { return core::Status::NotFound({"企业不存在", "enterprise not found"}); }

}  // namespace

core::Result<core::Enterprise> EnterpriseRepository::Get(const core::Principal& caller, std::int64_t id) {
  Params params{id};
  std::string sql = std::string("SELECT ") + kColumns + " FROM enterprises t WHERE t.id = $1 AND " + VisibleTo(caller, params);
  auto rows = tx_.Query(sql, params);
  if (rows.empty()) return NotFound();
  return FromRow(rows.front());
}

Page<core::Enterprise> EnterpriseRepository::List(const core::Principal& caller, const EnterpriseQuery& query) {
  Params params;
  std::string where = " WHERE " + VisibleTo(caller, params);
  if (!query.text.empty()) {
    std::string pattern = Bind(params, "%" + query.text + "%");
    where += " AND (t.name LIKE " + pattern + " OR t.uscc LIKE " + pattern + ")";
  }
  if (!query.industry.empty()) where += " AND t.industry = " + Bind(params, query.industry);
  if (!query.tag.empty()) where += " AND t.tags LIKE " + Bind(params, "%\"" + query.tag + "\"%");
  Page<core::Enterprise> page;
  std::string order = OrderBy(query.page.sort,
                              {{"name", "t.name"}, {"uscc", "t.uscc"}, {"industry", "t.industry"},
                               {"created_at", "t.created_at"}, {"updated_at", "t.updated_at"}, {"id", "t.id"}},
                              "t.id DESC");
  for (auto row : tx_.Query(std::string("SELECT ") + kColumns + " FROM enterprises t" + where + order + Limit(query.page), params)) {
    page.items.push_back(FromRow(row));
  }
  page.total = TotalOf(query.page, page.items.size(), [&] {
    return tx_.Query("SELECT COUNT(*) FROM enterprises t" + where, params).front().Int(0);
  });
  return page;
}

core::Status EnterpriseRepository::CheckUnit(const core::Principal& caller, std::int64_t unit_id) {
  if (unit_id == 0) return core::Status::Ok();
  // An enterprise can be handed only to a unit the caller himself can see.
  if (!OrgUnitRepository(tx_).Get(caller, unit_id).ok()) {
    return core::Status::InvalidField("unit_id", {"单位不存在或不在您的管辖范围内", "no such unit within your data scope"});
  }
  return core::Status::Ok();
}

core::Status EnterpriseRepository::Prepare(const core::Principal& caller, core::Enterprise& e) {
  e.region_code = caller.region_code;
  e.created_by = caller.user_id;
  // A unit user registers companies for his own unit; the office may name any unit or none.
  if (e.unit_id == 0 || !(caller.scope == core::DataScope::kRegion || caller.scope == core::DataScope::kRegionAndBelow)) {
    if (caller.unit_id != 0) e.unit_id = caller.unit_id;
  }
  if (auto status = core::ValidateEnterprise(e); !status.ok()) return status;
  return CheckUnit(caller, e.unit_id);
}

core::Status EnterpriseRepository::CreateMany(const core::Principal& caller, std::vector<core::Enterprise>& enterprises) {
  if (enterprises.empty()) return core::Status::Ok();
  for (core::Enterprise& e : enterprises)  // checks query the database: all before the bulk insert opens
    if (auto status = Prepare(caller, e); !status.ok()) return status;
  const std::string now = NowLocal();
  auto writer = tx_.BulkInsert("enterprises", {"id", "region_code", "unit_id", "created_by", "name", "uscc", "industry",
                                               "tags", "address", "contact", "phone", "version", "created_at",
                                               "updated_at"});
  std::vector<AuditLog::Record> audit;
  audit.reserve(enterprises.size());
  for (core::Enterprise& e : enterprises) {
    e.created_at = e.updated_at = now;
    e.version = 1;
    writer->Add({e.id, e.region_code, e.unit_id == 0 ? Value{nullptr} : Value{e.unit_id}, e.created_by, e.name, e.uscc,
                 e.industry, TagsJson(e.tags), e.address, e.contact, e.phone, std::int64_t{1}, now, now});
    audit.push_back({"create", "enterprise", std::to_string(e.id), "", Snapshot(e)});
  }
  writer->Finish();
  AuditLog(tx_).AppendMany(caller, audit);
  return core::Status::Ok();
}

core::Result<core::Enterprise> EnterpriseRepository::Create(const core::Principal& caller, core::Enterprise e) {
  if (auto status = Prepare(caller, e); !status.ok()) return status;
  auto taken = tx_.Query("SELECT 1 FROM enterprises WHERE region_code = $1 AND uscc = $2", {e.region_code, e.uscc});
  if (!taken.empty()) {
    return core::Status::ConflictOn("uscc", {"该统一社会信用代码已登记", "an enterprise with this unified social credit code already exists"});
  }
  e.created_at = e.updated_at = NowLocal();
  e.version = 1;
  auto rows = tx_.Query(
      "INSERT INTO enterprises (region_code, unit_id, created_by, name, uscc, industry, tags, address, contact, phone, "
      "version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11) RETURNING id",
      {e.region_code, e.unit_id == 0 ? Value{nullptr} : Value{e.unit_id}, e.created_by, e.name, e.uscc, e.industry,
       TagsJson(e.tags), e.address, e.contact, e.phone, e.created_at});
  e.id = rows.front().Int(0);
  AuditLog(tx_).Append(caller, "create", "enterprise", std::to_string(e.id), "", Snapshot(e));
  return e;
}

core::Result<core::Enterprise> EnterpriseRepository::Update(const core::Principal& caller, std::int64_t id,
                                                            core::Enterprise changes) {
  auto current = Get(caller, id);
  if (!current.ok()) return current.status();
  if (current->version != changes.version) {
    return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
  }
  core::Enterprise next = *current;
  next.name = changes.name;
  next.uscc = changes.uscc;
  next.industry = changes.industry;
  next.tags = changes.tags;
  next.address = changes.address;
  next.contact = changes.contact;
  next.phone = changes.phone;
  if (changes.unit_id != 0) next.unit_id = changes.unit_id;
  if (auto status = core::ValidateEnterprise(next); !status.ok()) return status;
  if (next.unit_id != current->unit_id) {
    if (auto status = CheckUnit(caller, next.unit_id); !status.ok()) return status;
  }
  if (next.uscc != current->uscc) {
    auto taken = tx_.Query("SELECT 1 FROM enterprises WHERE region_code = $1 AND uscc = $2 AND id <> $3",
                           {next.region_code, next.uscc, id});
    if (!taken.empty()) {
      return core::Status::ConflictOn("uscc", {"该统一社会信用代码已登记", "an enterprise with this unified social credit code already exists"});
    }
  }
  next.updated_at = NowLocal();
  next.version = current->version + 1;
  auto changed = tx_.Execute(
      "UPDATE enterprises SET name = $1, uscc = $2, industry = $3, tags = $4, address = $5, contact = $6, phone = $7, "
      "unit_id = $8, updated_at = $9, version = version + 1 WHERE id = $10 AND version = $11",
      {next.name, next.uscc, next.industry, TagsJson(next.tags), next.address, next.contact, next.phone,
       next.unit_id == 0 ? Value{nullptr} : Value{next.unit_id}, next.updated_at, id, changes.version});
  if (changed != 1) {
    return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
  }
  AuditLog(tx_).Append(caller, "update", "enterprise", std::to_string(id), Snapshot(*current), Snapshot(next));
  return next;
}

core::Status EnterpriseRepository::Delete(const core::Principal& caller, std::int64_t id, std::int64_t version) {
  auto current = Get(caller, id);
  if (!current.ok()) return current.status();
  if (current->version != version) {
    return core::Status::Conflict({"记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and try again"});
  }
  if (!tx_.Query("SELECT 1 FROM users WHERE enterprise_id = $1", {id}).empty()) {
    return core::Status::RuleBroken({"该企业仍有联系人账号，不能删除", "the enterprise still has contact accounts and cannot be deleted"});
  }
  tx_.Execute("DELETE FROM enterprises WHERE id = $1 AND version = $2", {id, version});
  AuditLog(tx_).Append(caller, "delete", "enterprise", std::to_string(id), Snapshot(*current), "");
  return core::Status::Ok();
}

}  // namespace sanpi::storage
