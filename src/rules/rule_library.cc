// Lazily compiled rule sets; see rule_library.h.
#include "src/rules/rule_library.h"

#include <algorithm>
#include <filesystem>

#include "src/rules/choose.h"

namespace gongkai {

StatusOr<RuleLibrary> RuleLibrary::Open(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".rules")
      paths.push_back(entry.path().string());
  }
  if (ec) return Status::NotFound("rules", dir + ": " + ec.message());
  if (paths.empty())
    return Status::NotFound("rules", dir + ": no *.rules file");
  std::sort(paths.begin(), paths.end());
  RuleLibrary library;
  StatusOr<std::shared_ptr<const Lexicon>> lexicon = LoadLexicon(dir);
  if (!lexicon.ok()) return lexicon.status();
  library.lexicon_ = *lexicon;
  std::string errors;
  for (const std::string& path : paths) {
    StatusOr<std::string> text = ReadRulesText(path);
    StatusOr<RuleSet> header =
        text.ok() ? ParseRulesHeader(*text, path, library.lexicon_)
                  : text.status();
    if (!header.ok()) {
      errors += (errors.empty() ? "" : "\n") + header.status().message();
      continue;
    }
    library.sets_.push_back(std::move(*header));
    library.texts_.push_back(std::move(*text));
    library.compiled_.push_back(false);
  }
  if (!errors.empty()) return Status::InvalidRules(errors);
  return library;
}

RuleLibrary::RuleLibrary(RuleLibrary&& other) noexcept {
  *this = std::move(other);
}

RuleLibrary& RuleLibrary::operator=(RuleLibrary&& other) noexcept {
  if (other.background_.joinable()) other.background_.join();
  if (background_.joinable()) background_.join();
  lexicon_ = std::move(other.lexicon_);
  sets_ = std::move(other.sets_);
  texts_ = std::move(other.texts_);
  compiled_ = std::move(other.compiled_);
  return *this;
}

RuleLibrary::~RuleLibrary() {
  if (background_.joinable()) background_.join();
}

RuleLibrary::RuleLibrary(std::vector<RuleSet> compiled)
    : lexicon_(compiled.empty() ? nullptr : compiled.front().lexicon),
      sets_(std::move(compiled)),
      texts_(sets_.size()),
      compiled_(sets_.size(), true) {}

Status RuleLibrary::Compile(size_t i) const {
  if (compiled_[i]) return Status::Ok();
  StatusOr<RuleSet> set = ParseRules(texts_[i], sets_[i].file, lexicon_);
  if (!set.ok()) return set.status();
  sets_[i] = std::move(*set);
  texts_[i] = std::string();
  compiled_[i] = true;
  return Status::Ok();
}

Status RuleLibrary::CompileAll() {
  std::string errors;
  for (size_t i = 0; i < sets_.size(); ++i) {
    Status s = Compile(i);
    if (!s.ok()) errors += (errors.empty() ? "" : "\n") + s.message();
  }
  if (!errors.empty()) return Status::InvalidRules(errors);
  return Status::Ok();
}

void RuleLibrary::CompileInBackground() const {
  if (background_.joinable()) return;
  if (std::find(compiled_.begin(), compiled_.end(), false) == compiled_.end())
    return;
  // A file that does not compile stays uncompiled: Choose() compiles it
  // again if a document picks it, and reports its errors then.
  background_ = std::thread([this] {
    for (size_t i = 0; i < sets_.size(); ++i) (void)Compile(i);
  });
}

StatusOr<const RuleSet*> RuleLibrary::Choose(const DocumentView& view) const {
  if (background_.joinable()) background_.join();
  const RuleSet* picked = ChooseRuleSet(view, sets_);
  if (!picked) return static_cast<const RuleSet*>(nullptr);
  const size_t i = static_cast<size_t>(picked - sets_.data());
  Status s = Compile(i);
  if (!s.ok()) return s;
  return &sets_[i];
}

}  // namespace gongkai
