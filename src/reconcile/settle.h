// Settling figures read by OCR whose readings disagree or are unsure: the
// identities as proof-reader (issue 15, FORMAT.md §5).
//
// Such a figure comes from the reader as "unsettled", with no value. Every
// hard equation check of the report in which it is the only unknown term
// (every other term read) gives it a value. It is settled ("solved") when
// every check that gives a value gives the same one, the value is in its
// domain (the rules' domain checks: counts whole and 0 or more), and either
// one of its readings says that number or two checks or more agree on it:
// one check alone is no proof against a misprint elsewhere in it, so a
// value no reading saw is never taken from it. A settled figure may settle
// others in turn. A figure left unsettled stays null, with a diagnostic
// "ocr_unsettled" naming its readings, and no check holding it is decided.
#ifndef GONGKAI_SRC_RECONCILE_SETTLE_H_
#define GONGKAI_SRC_RECONCILE_SETTLE_H_

#include "src/model/report.h"
#include "src/rules/rules.h"

namespace gongkai {

// Settles the unsettled figures of `report` that the checks of `rules`
// determine (see above); says which remain. Requires `rules` to be the set
// that read `report`.
void SettleUncertain(const RuleSet& rules, Report& report);

}  // namespace gongkai

#endif  // GONGKAI_SRC_RECONCILE_SETTLE_H_
