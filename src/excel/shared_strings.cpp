#include "excel/shared_strings.hpp"

#include "excel/limits.hpp"
#include "excel/ooxml_text.hpp"
#include "excel/read_ahead_source.hpp"
#include "excel/xml_pull_parser.hpp"
#include "excel/zip_archive.hpp"

namespace sanpi::excel {
namespace {

core::Status TooMuchText(std::string_view part) {
  std::string name(part);
  return core::Status::TooLarge(
      {"共享字符串“" + name + "”过多或过长,超过读取上限",
       "the shared strings in “" + name + "” are too many or too long for the reader's limits"});
}

}  // namespace

core::Result<SharedStrings> SharedStrings::Parse(ByteSource& source, std::string_view part) {
  XmlPullParser xml(source, std::string(part));
  SharedStrings table;
  std::string current;
  std::size_t total_bytes = 0;
  bool in_item = false, in_text = false;
  int in_phonetic = 0;
  while (true) {
    switch (xml.Next()) {
      case XmlPullParser::Event::kError:
        return xml.status();
      case XmlPullParser::Event::kEnd:
        return table;
      case XmlPullParser::Event::kStartElement:
        if (NameIs(xml.name(), "si")) {
          in_item = true;
          current.clear();
        } else if (NameIs(xml.name(), "rPh")) {
          ++in_phonetic;
        } else if (NameIs(xml.name(), "t")) {
          in_text = in_item && in_phonetic == 0;
        }
        break;
      case XmlPullParser::Event::kEndElement:
        if (NameIs(xml.name(), "si") && in_item) {
          in_item = false;
          if (table.strings_.size() >= kMaxSharedStrings) return TooMuchText(part);
          DecodeOoxmlEscapes(current);
          total_bytes += current.size();
          if (total_bytes > kMaxSharedStringBytes) return TooMuchText(part);
          table.strings_.push_back(current);
        } else if (NameIs(xml.name(), "rPh")) {
          --in_phonetic;
        } else if (NameIs(xml.name(), "t")) {
          in_text = false;
        }
        break;
      case XmlPullParser::Event::kText:
        if (in_text) {
          if (current.size() + xml.text().size() > kMaxCellTextBytes) return TooMuchText(part);
          current.append(xml.text());
        }
        break;
    }
  }
}

core::Result<SharedStrings> SharedStrings::Load(ZipArchive& archive, std::string_view part) {
  auto stream = archive.Stream(part);
  if (!stream.ok()) return stream.status();
  // A large table (Excel's own files keep every text in it) inflates beside its parse.
  std::unique_ptr<ReadAheadSource> inflated = ReadAheadSource::Start(**stream);
  return Parse(inflated != nullptr ? *inflated : **stream, part);
}

}  // namespace sanpi::excel
