#pragma once
// A small streaming XML reader for the parts that grow with the data (sheets, shared strings):
// it pulls the decompressed bytes in chunks, so memory stays bounded by the longest token
// (kMaxXmlTokenBytes) whatever the part's size. It checks that tags nest, decodes the five
// predefined entities and character references, and refuses any DOCTYPE, so entity-expansion
// attacks cannot start. Names are reported without their namespace prefix ("x:row" → "row"),
// which is how OOXML writers differ. Internal to src/excel.
#include <cstddef>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "excel/byte_source.hpp"

namespace sanpi::excel {

// Whether a name is `wanted` (a literal), compared in place: std::string_view's == is called out of
// line in the readers' loops, and most names there are one letter long ("c", "v"), so their sizes
// match and every event paid a call; that was a tenth of a large sheet's parse.
template <std::size_t N>
inline bool NameIs(std::string_view name, const char (&wanted)[N]) {
  return name.size() == N - 1 && std::memcmp(name.data(), wanted, N - 1) == 0;
}

class XmlPullParser {
 public:
  enum class Event { kStartElement, kEndElement, kText, kEnd, kError };

  // `part` names the part in error messages.
  XmlPullParser(ByteSource& source, std::string part);

  // The next event. kError leaves the reason in status(); kEnd once the root element closed and
  // the input ran out. An empty element <a/> gives kStartElement then kEndElement.
  Event Next();
  const core::Status& status() const { return status_; }

  // For kStartElement / kEndElement: the local name.
  std::string_view name() const { return name_; }
  // For kStartElement: a decoded attribute value by local name; empty view when absent.
  std::string_view Attribute(std::string_view local_name) const;
  bool HasAttribute(std::string_view local_name) const;
  // nullptr when absent.
  const std::string_view* FindAttribute(std::string_view local_name) const;
  // For kText: the decoded character data (text or CDATA); valid until the next call.
  std::string_view text() const { return text_; }
  std::size_t depth() const { return open_ends_.size(); }

 private:
  struct Attr {
    std::string_view name;
    std::string_view value;
  };

  Event Fail(const std::string& zh, const std::string& en);
  // Ensures buffer holds data from pos_; false at the end of input (or on error, see status_).
  bool Fill();
  // Finds `pattern` at or after pos_ + from, refilling as needed; npos at the end of input.
  std::size_t Find(std::string_view pattern, std::size_t from);
  Event ReadMarkup();
  Event ReadTag(std::size_t end);
  bool Decode(std::string_view raw, std::string& out);

  ByteSource& source_;
  std::string part_;
  std::string buffer_;
  std::size_t pos_ = 0, end_ = 0;
  bool eof_ = false, pending_end_ = false, seen_root_ = false;
  core::Status status_;

  std::string_view name_;
  std::string name_storage_;
  std::vector<Attr> attrs_;
  std::deque<std::string> attr_storage_;  // deque: growing it never moves earlier values
  std::string_view text_;
  std::string text_storage_;
  // Qualified names of the open elements, concatenated, and where each one ends: a stack that
  // allocates nothing once warm (this runs for every element of a 100 MB sheet).
  std::string open_names_;
  std::vector<std::size_t> open_ends_;
};

}  // namespace sanpi::excel
