// What a page says of itself before it is parsed: whether it is HTML at
// all (the sniffer), and the charset its meta tags declare; see
// html_extractor.h.
#include <algorithm>
#include <cctype>

#include "extractors/html/html_extractor.h"

namespace gongkai {

std::string DeclaredHtmlCharset(std::string_view bytes) {
  std::string head(bytes.substr(0, 4096));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  size_t pos = 0;
  while ((pos = head.find("charset", pos)) != std::string::npos) {
    // Only inside a tag: the nearest '<' before must come after the last '>'.
    size_t lt = head.rfind('<', pos), gt = head.rfind('>', pos);
    pos += 7;
    if (lt == std::string::npos || (gt != std::string::npos && gt > lt))
      continue;
    size_t i = pos;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() &&
           (head[i] == ' ' || head[i] == '"' || head[i] == '\''))
      ++i;
    std::string name;
    while (i < head.size() &&
           (std::isalnum(static_cast<unsigned char>(head[i])) ||
            head[i] == '-' || head[i] == '_')) {
      name += head[i++];
    }
    if (!name.empty()) return name;
  }
  return "";
}

namespace {

// Returns how many tags of elements an article body is made of (<p>, </p>,
// <div ...>, <br/>, <table>, ...) `head` holds: a page saved as its body
// only, with no <html>, <head> or <body>, still shows many of them; a text
// dump shows none (a title in angle brackets is not an ASCII tag).
int BodyTagCount(const std::string& head) {
  static const char* const kTags[] = {
      "p",       "div", "span", "br",  "table", "tr",     "td",    "th",
      "h1",      "h2",  "h3",   "h4",  "font",  "strong", "b",     "section",
      "article", "ul",  "li",   "img", "a",     "tbody",  "center"};
  int count = 0;
  for (size_t i = head.find('<'); i != std::string::npos;
       i = head.find('<', i + 1)) {
    size_t j = i + 1;
    if (j < head.size() && head[j] == '/') ++j;
    size_t k = j;
    while (k < head.size() && std::isalnum(static_cast<unsigned char>(head[k])))
      ++k;
    if (k == j || k >= head.size()) continue;
    const char after = head[k];
    if (after != '>' && after != ' ' && after != '/' && after != '\t' &&
        after != '\n' && after != '\r')
      continue;
    const std::string name = head.substr(j, k - j);
    for (const char* tag : kTags) count += name == tag;
  }
  return count;
}

}  // namespace

bool SniffHtml(std::string_view bytes) {
  const bool utf16_bom =
      bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
  if (!utf16_bom && bytes.find('\0') != std::string_view::npos) return false;
  std::string head(bytes.substr(0, 4096));
  for (char& c : head)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* tag : {"<html", "<!doctype html", "<body"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  // Text that does not start with a tag (Markdown with an HTML table set
  // in it, a dump quoting markup) is text; a page of tables, or an article
  // body, starts with one.
  size_t first = head.find_first_not_of(" \t\r\n");
  if (head.compare(0, 3, "\xEF\xBB\xBF") == 0)
    first = head.find_first_not_of(" \t\r\n", 3);
  if (first == std::string::npos || head[first] != '<') return false;
  for (const char* tag : {"<table", "<meta"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  // An article body saved without its document element (as CMSs store it
  // and crawlers save it): read as the whole page would be.
  return BodyTagCount(head) >= 4;
}

}  // namespace gongkai
