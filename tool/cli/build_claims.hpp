#pragma once
// In a build (--stamp), each unit's ormlint step runs alone, so a header's finding would be
// printed by every step whose unit includes the header: the same error ten times in the
// build log. The steps share a directory (beside the result cache) where the first step
// to report a header's finding claims it; the other steps leave it out of their output
// and say, in one line, which unit's step reports it. Their exit status is unchanged: a
// header's error still fails each step that reads it.
#include <string>

#include <llvm/Support/raw_ostream.h>

#include "tool/cli/output.hpp"

namespace orm::tool {

// The findings this step prints: its own file's, and its headers' that no other unit's
// step has claimed (a claim whose unit no longer exists is taken over). Says on `log` what
// was left out and where it is reported.
finding_list claim_header_findings(const finding_list& findings, const std::string& unit, const std::string& directory,
                                   llvm::raw_ostream& log);

}  // namespace orm::tool
