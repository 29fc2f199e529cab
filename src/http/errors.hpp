#pragma once
// The one place where a Status becomes an HTTP status and the error body
// {"error":{"code","message","fields":[{"field","message"}]}} in the caller's language.
#include <boost/json/value.hpp>

#include "core/status.hpp"
#include "http/message.hpp"

namespace sanpi::http {

int HttpStatus(core::Code code);
const char* ErrorCode(core::Code code);
Response ErrorResponse(const core::Status& status, core::Language language);
// A 409 that also carries the record as it now stands, so the client can show what changed.
Response ConflictResponse(const core::Status& status, core::Language language, boost::json::value current);

Response JsonResponse(int status, const boost::json::value& body);
Response NoContent();

}  // namespace sanpi::http
