#pragma once
// The get / create / update / delete handlers every scoped, versioned record shares. A
// repository offers Get(caller, id), Create(caller, record), Update(caller, id, changes) and
// Delete(caller, id, version); a decoder turns the JSON body into a record (with_version on
// updates). Route modules plug them in and keep only what is particular to their record.
#include "http/api/respond.hpp"

namespace sanpi::http {

template <class Repo>
Response GetRecord(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kRead);
  return Respond(ctx, Repo(*tx).Get(ctx.principal, *id));
}

template <class Repo, auto Decode>
Response CreateRecord(Context& ctx) {
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto record = Decode(*body, false);
  if (!record.ok()) return ErrorResponse(record.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto created = Repo(*tx).Create(ctx.principal, *record);
  if (created.ok()) tx->Commit();
  return Respond(ctx, created, 201);
}

template <class Repo, auto Decode>
Response UpdateRecord(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto body = ctx.JsonBody();
  if (!body.ok()) return ErrorResponse(body.status(), ctx.language());
  auto changes = Decode(*body, true);
  if (!changes.ok()) return ErrorResponse(changes.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  Repo repo(*tx);
  auto updated = repo.Update(ctx.principal, *id, *changes);
  if (updated.ok()) tx->Commit();
  return RespondWrite(ctx, updated, [&] { return repo.Get(ctx.principal, *id); });
}

template <class Repo>
Response DeleteRecord(Context& ctx) {
  auto id = ctx.PathId();
  if (!id.ok()) return ErrorResponse(id.status(), ctx.language());
  auto version = VersionParam(ctx);
  if (!version.ok()) return ErrorResponse(version.status(), ctx.language());
  auto tx = ctx.db.Begin(storage::Access::kWrite);
  auto deleted = Repo(*tx).Delete(ctx.principal, *id, *version);
  if (deleted.ok()) tx->Commit();
  return Respond(ctx, deleted);
}

}  // namespace sanpi::http
