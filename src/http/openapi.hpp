#pragma once
// openapi.json, built from the router's own table so no endpoint can be left out of it.
#include <boost/json/value.hpp>

#include "http/router.hpp"

namespace sanpi::http {

boost::json::value BuildOpenApi(const Router& router);
// The component schemas (JSON Schema 2020-12 as OpenAPI 3.1 uses it), by name.
const boost::json::value& ComponentSchemas();

}  // namespace sanpi::http
