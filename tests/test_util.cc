// Test helpers; see test_util.h.
#include "tests/test_util.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace gongkai::testing {

std::string SourcePath(const std::string& relative) {
  return std::string(GONGKAI_SOURCE_DIR) + "/" + relative;
}

const RuleLibrary& Rules() {
  static const RuleLibrary* rules = [] {
    StatusOr<RuleLibrary> r = RuleLibrary::Open(SourcePath("rules"));
    Status compiled = r.ok() ? r->CompileAll() : r.status();
    if (!compiled.ok()) {
      std::fprintf(stderr, "cannot load rules: %s\n",
                   compiled.ToString().c_str());
      std::abort();
    }
    return new RuleLibrary(std::move(*r));
  }();
  return *rules;
}

const RuleSet& RulesFor(const std::string& version) {
  for (const RuleSet& r : Rules().sets()) {
    if (r.version == version) return r;
  }
  std::fprintf(stderr, "no rules of version %s\n", version.c_str());
  std::abort();
}

const Lexicon& TestLexicon() { return Rules().lexicon(); }

DocumentView ViewOf(const Document& doc) {
  return BuildView(doc, TestLexicon());
}

const Divisions& TestDivisions() {
  static const Divisions* divisions = [] {
    StatusOr<Divisions> d =
        Divisions::Load(SourcePath("data/divisions"), TestLexicon());
    if (!d.ok()) {
      std::fprintf(stderr, "cannot load divisions: %s\n",
                   d.status().ToString().c_str());
      std::abort();
    }
    return new Divisions(std::move(*d));
  }();
  return *divisions;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string TempDir() {
  std::string templ =
      (std::filesystem::temp_directory_path() / "gongkai-test-XXXXXX").string();
  char* made = mkdtemp(templ.data());
  return made ? std::string(made) : std::string();
}

CommandResult RunGongkai(const std::string& args, const std::string& stdin_text,
                         const std::string& env) {
  std::string dir = TempDir();
  std::string in = dir + "/stdin", out = dir + "/stdout", err = dir + "/stderr";
  WriteFile(in, stdin_text);
  std::string cmd = (env.empty() ? "" : env + " ") +
                    std::string(GONGKAI_BINARY) + " " + args + " <" + in +
                    " >" + out + " 2>" + err;
  int status = std::system(cmd.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(out);
  result.err = ReadFile(err);
  std::filesystem::remove_all(dir);
  return result;
}

int StartGongkai(const std::string& args, const std::string& env) {
  const std::string dir = TempDir();
  const std::string pid_file = dir + "/pid";
  std::system(("(" + (env.empty() ? "" : env + " ") +
               std::string(GONGKAI_BINARY) + " " + args + " & echo $! > " +
               pid_file + ")")
                  .c_str());
  int pid = 0;
  for (int i = 0; i < 100 && pid == 0; ++i) {
    pid = std::atoi(ReadFile(pid_file).c_str());
    if (pid == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::filesystem::remove_all(dir);
  return pid;
}

Document TableDocument(const std::vector<std::string>& paragraphs_before,
                       const std::vector<std::vector<std::string>>& rows) {
  Document doc;
  for (const std::string& p : paragraphs_before) {
    Block b;
    b.raw = p;
    doc.blocks.push_back(b);
  }
  TableBuilder builder;
  for (const auto& row : rows) {
    builder.BeginRow();
    for (const std::string& cell : row) builder.AddCell(cell);
  }
  Block t;
  t.kind = BlockKind::kTable;
  t.table = builder.Finish();
  doc.blocks.push_back(t);
  return doc;
}

std::string PdfOfObjects(const std::vector<std::string>& objects,
                         const std::string& trailer_extra) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) +
         "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R " + trailer_extra + " >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace gongkai::testing
