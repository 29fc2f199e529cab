#pragma once
// OOXML's own escape inside string text: "_xHHHH_" stands for the UTF-16 code unit HHHH (Excel
// writes a carriage return as "_x000D_"), and "_x005F_" escapes a literal underscore.
// Internal to src/excel.
#include <string>

namespace sanpi::excel {

// Replaces every valid _xHHHH_ escape in `text` by its character; anything else is kept as is.
void DecodeOoxmlEscapes(std::string& text);

}  // namespace sanpi::excel
