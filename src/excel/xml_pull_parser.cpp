#include "excel/xml_pull_parser.hpp"

#include <algorithm>
#include <cstring>

#include "excel/limits.hpp"

namespace sanpi::excel {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view LocalName(std::string_view qualified) {
  auto colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

bool AppendUtf8(std::uint32_t code, std::string& out) {
  bool allowed = code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
                 (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
  if (!allowed) return false;
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
  return true;
}

bool DecodeCharacterReference(std::string_view body, std::string& out) {
  // body is what sits between "&#" and ";": decimal digits or x + hex digits.
  bool hex = !body.empty() && (body.front() == 'x' || body.front() == 'X');
  if (hex) body.remove_prefix(1);
  if (body.empty() || body.size() > 8) return false;
  std::uint32_t code = 0;
  for (char c : body) {
    int digit;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (hex && c >= 'a' && c <= 'f')
      digit = c - 'a' + 10;
    else if (hex && c >= 'A' && c <= 'F')
      digit = c - 'A' + 10;
    else
      return false;
    code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
  }
  return AppendUtf8(code, out);
}

}  // namespace

XmlPullParser::XmlPullParser(ByteSource& source, std::string part) : source_(source), part_(std::move(part)) {
  buffer_.resize(kChunkBytes);
}

XmlPullParser::Event XmlPullParser::Fail(const std::string& zh, const std::string& en) {
  if (status_.ok()) {
    status_ = core::Status::Malformed(
        {"工作簿部件“" + part_ + "”的 XML 无效:" + zh, "the XML of part “" + part_ + "” is invalid: " + en});
  }
  return Event::kError;
}

bool XmlPullParser::Fill() {
  if (eof_ || !status_.ok()) return false;
  if (pos_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == buffer_.size()) {
    if (buffer_.size() >= kMaxXmlTokenBytes) {
      Fail("单个标记或文本超过 " + std::to_string(kMaxXmlTokenBytes >> 10) + " KB",
           "a single tag or text run is over " + std::to_string(kMaxXmlTokenBytes >> 10) + " KB");
      return false;
    }
    buffer_.resize(std::min(buffer_.size() * 2, kMaxXmlTokenBytes));
  }
  auto count = source_.Read(buffer_.data() + end_, buffer_.size() - end_);
  if (!count.ok()) {
    status_ = count.status();
    return false;
  }
  if (*count == 0) {
    eof_ = true;
    return false;
  }
  end_ += *count;
  return true;
}

std::size_t XmlPullParser::Find(std::string_view pattern, std::size_t from) {
  while (true) {
    std::string_view window(buffer_.data() + pos_, end_ - pos_);
    std::size_t found = window.find(pattern, from);
    if (found != std::string_view::npos) return found;
    if (window.size() >= pattern.size()) from = std::max(from, window.size() - pattern.size() + 1);
    if (!Fill()) return std::string_view::npos;
  }
}

bool XmlPullParser::Decode(std::string_view raw, std::string& out) {
  out.clear();
  while (!raw.empty()) {
    std::size_t amp = raw.find('&');
    out.append(raw.substr(0, amp));
    if (amp == std::string_view::npos) break;
    raw.remove_prefix(amp + 1);
    std::size_t semicolon = raw.find(';');
    if (semicolon == std::string_view::npos || semicolon > 12) return false;
    std::string_view entity = raw.substr(0, semicolon);
    raw.remove_prefix(semicolon + 1);
    if (entity == "lt")
      out.push_back('<');
    else if (entity == "gt")
      out.push_back('>');
    else if (entity == "amp")
      out.push_back('&');
    else if (entity == "quot")
      out.push_back('"');
    else if (entity == "apos")
      out.push_back('\'');
    else if (!entity.empty() && entity.front() == '#') {
      if (!DecodeCharacterReference(entity.substr(1), out)) return false;
    } else {
      return false;  // no DTD, so no other entity exists
    }
  }
  return true;
}

const std::string_view* XmlPullParser::FindAttribute(std::string_view local_name) const {
  for (const Attr& attr : attrs_) {
    if (attr.name == local_name) return &attr.value;
  }
  return nullptr;
}

std::string_view XmlPullParser::Attribute(std::string_view local_name) const {
  const std::string_view* value = FindAttribute(local_name);
  return value != nullptr ? *value : std::string_view();
}

bool XmlPullParser::HasAttribute(std::string_view local_name) const { return FindAttribute(local_name) != nullptr; }

XmlPullParser::Event XmlPullParser::Next() {
  if (!status_.ok()) return Event::kError;
  if (pending_end_) {
    pending_end_ = false;
    attrs_.clear();
    return Event::kEndElement;  // name_ still names the empty element
  }
  while (true) {
    if (pos_ == end_ && !Fill()) {
      if (!status_.ok()) return Event::kError;
      if (!open_ends_.empty())
        return Fail("内容在元素结束前中断(文件被截断?)", "it ends inside an element (truncated?)");
      if (!seen_root_) return Fail("没有根元素", "there is no root element");
      return Event::kEnd;
    }
    if (buffer_[pos_] == '<') {
      Event event = ReadMarkup();
      if (event == Event::kEnd) continue;  // a comment or processing instruction: nothing to report
      return event;
    }
    std::size_t length = Find("<", 0);
    if (!status_.ok()) return Event::kError;
    if (length == std::string_view::npos) length = end_ - pos_;
    std::string_view raw(buffer_.data() + pos_, length);
    pos_ += length;
    if (open_ends_.empty()) {
      if (std::any_of(raw.begin(), raw.end(), [](char c) { return !IsSpace(c); })) {
        return Fail("根元素外有文本", "there is text outside the root element");
      }
      continue;
    }
    if (raw.find('&') == std::string_view::npos) {
      text_ = raw;
    } else {
      if (!Decode(raw, text_storage_)) return Fail("无法识别的实体引用", "an unknown entity reference");
      text_ = text_storage_;
    }
    return Event::kText;
  }
}

XmlPullParser::Event XmlPullParser::ReadMarkup() {
  while (end_ - pos_ < 9 && Fill()) {
  }
  if (!status_.ok()) return Event::kError;
  std::string_view head(buffer_.data() + pos_, std::min<std::size_t>(end_ - pos_, 9));
  auto skip_to = [&](std::string_view close, std::size_t from) -> Event {
    std::size_t at = Find(close, from);
    if (at == std::string_view::npos) {
      if (!status_.ok()) return Event::kError;
      return Fail("标记未结束(文件被截断?)", "a markup section never ends (truncated?)");
    }
    pos_ += at + close.size();
    return Event::kEnd;
  };
  if (head.starts_with("<?")) return skip_to("?>", 2);
  if (head.starts_with("<!--")) return skip_to("-->", 4);
  if (head.starts_with("<![CDATA[")) {
    std::size_t at = Find("]]>", 9);
    if (at == std::string_view::npos) {
      if (!status_.ok()) return Event::kError;
      return Fail("CDATA 未结束", "a CDATA section never ends");
    }
    if (open_ends_.empty()) return Fail("根元素外有 CDATA", "CDATA outside the root element");
    text_ = std::string_view(buffer_.data() + pos_ + 9, at - 9);
    pos_ += at + 3;
    return Event::kText;
  }
  if (head.starts_with("<!")) {
    return Fail("不允许 DOCTYPE 或实体声明", "DOCTYPE and entity declarations are not allowed");
  }
  // A tag: find its closing '>' outside quoted attribute values.
  std::size_t offset = 1;
  char quote = 0;
  while (true) {
    const char* data = buffer_.data();
    std::size_t limit = end_;
    std::size_t at = pos_ + offset;
    if (quote == 0) {
      while (at < limit && data[at] != '>' && data[at] != '"' && data[at] != '\'') ++at;
    } else {
      const void* close = std::memchr(data + at, quote, limit - at);
      at = close != nullptr ? static_cast<std::size_t>(static_cast<const char*>(close) - data) : limit;
    }
    if (at >= limit) {
      offset = at - pos_;
      if (!Fill()) {
        if (!status_.ok()) return Event::kError;
        return Fail("标签未结束(文件被截断?)", "a tag never ends (truncated?)");
      }
      continue;
    }
    offset = at - pos_ + 1;
    if (quote != 0) {
      quote = 0;
    } else if (data[at] == '>') {
      offset = at - pos_;
      break;
    } else {
      quote = data[at];
    }
  }
  return ReadTag(offset);
}

XmlPullParser::Event XmlPullParser::ReadTag(std::size_t end) {
  std::string_view tag(buffer_.data() + pos_ + 1, end - 1);  // between '<' and '>'
  pos_ += end + 1;
  attrs_.clear();
  if (!tag.empty() && tag.front() == '/') {
    std::string_view qualified = tag.substr(1);
    while (!qualified.empty() && IsSpace(qualified.back())) qualified.remove_suffix(1);
    std::size_t top_start = open_ends_.size() > 1 ? open_ends_[open_ends_.size() - 2] : 0;
    if (open_ends_.empty() ||
        std::string_view(open_names_).substr(top_start, open_ends_.back() - top_start) != qualified) {
      return Fail("结束标签不匹配", "an end tag does not match");
    }
    open_ends_.pop_back();
    open_names_.resize(top_start);
    name_ = LocalName(qualified);
    return Event::kEndElement;
  }
  bool empty_element = !tag.empty() && tag.back() == '/';
  if (empty_element) tag.remove_suffix(1);
  std::size_t cursor = 0;
  while (cursor < tag.size() && !IsSpace(tag[cursor])) ++cursor;
  std::string_view qualified = tag.substr(0, cursor);
  if (qualified.empty()) return Fail("元素名为空", "an element has no name");
  if (open_ends_.empty() && seen_root_) return Fail("有多个根元素", "there is more than one root element");
  std::size_t attr_index = 0;
  while (true) {
    while (cursor < tag.size() && IsSpace(tag[cursor])) ++cursor;
    if (cursor >= tag.size()) break;
    std::size_t name_start = cursor;
    while (cursor < tag.size() && tag[cursor] != '=' && !IsSpace(tag[cursor])) ++cursor;
    std::string_view attr_name = tag.substr(name_start, cursor - name_start);
    while (cursor < tag.size() && IsSpace(tag[cursor])) ++cursor;
    if (attr_name.empty() || cursor >= tag.size() || tag[cursor] != '=')
      return Fail("属性格式错误", "a malformed attribute");
    ++cursor;
    while (cursor < tag.size() && IsSpace(tag[cursor])) ++cursor;
    if (cursor >= tag.size() || (tag[cursor] != '"' && tag[cursor] != '\''))
      return Fail("属性值缺少引号", "an attribute value has no quotes");
    char quote = tag[cursor++];
    std::size_t close = tag.find(quote, cursor);
    if (close == std::string_view::npos) return Fail("属性值未结束", "an attribute value never ends");
    std::string_view value = tag.substr(cursor, close - cursor);
    cursor = close + 1;
    if (value.find('&') != std::string_view::npos) {
      if (attr_storage_.size() <= attr_index) attr_storage_.resize(attr_index + 1);
      if (!Decode(value, attr_storage_[attr_index])) return Fail("无法识别的实体引用", "an unknown entity reference");
      value = attr_storage_[attr_index];
    }
    attrs_.push_back({LocalName(attr_name), value});
    ++attr_index;
  }
  seen_root_ = true;
  name_ = LocalName(qualified);
  if (empty_element) {
    pending_end_ = true;
  } else {
    if (open_ends_.size() >= kMaxXmlDepth) return Fail("元素嵌套过深", "elements nest too deeply");
    open_names_.append(qualified);
    open_ends_.push_back(open_names_.size());
  }
  return Event::kStartElement;
}

}  // namespace sanpi::excel
