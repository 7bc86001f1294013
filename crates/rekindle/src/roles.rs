//! Comparison keys for companies and positions, where cosmetic changes fold
//! away: two spellings with the same key are the same company or the same
//! job, and a changed key is a real change.
//!
//! The rules, applied in this order:
//!
//! 1. case, whitespace and punctuation do not count (`Head of Design,` and
//!    `head  of design` are one job); `&` is `and`;
//! 2. positions: common abbreviations are spelled out where they mean one
//!    thing only — `Sr`/`Snr` = Senior, `Jr` = Junior, `Mgr` = Manager,
//!    `Dir` = Director, `Engr` = Engineer, `Asst` = Assistant, `Assoc` =
//!    Associate, `Coord` = Coordinator, `Mgmt` = Management, `Mktg` =
//!    Marketing, `Ops` = Operations, `Intl` = International, `VP` = Vice
//!    President (`SVP`/`EVP` = Senior/Executive Vice President), `CEO`, `CTO`,
//!    `CFO`, `COO` = Chief … Officer, and a lone `of` does not count (`VP of
//!    Product` = `VP Product`). Ambiguous ones are left alone: `Eng`
//!    (engineer or engineering), `PM` (product or project), `Exec`, `Admin`;
//! 3. companies: legal-form suffixes at the end are dropped (`Inc`, `LLC`,
//!    `Ltd`, `Limited`, `GmbH`, `AG`, `S.A.`, `SAS`, `SARL`, `S.r.l.`,
//!    `S.p.A.`, `Corp`, `Corporation`, `PLC`, `B.V.`, `N.V.`, `Pty Ltd`,
//!    `Pte Ltd`, `Sdn Bhd`, `LP`, `LLP`, `PLLC`, `Co`, `KG`, `Oy`, `AB`, `ASA`,
//!    `K.K.`, `SE`, `Ltda`, …, also several, as in `GmbH & Co. KG`), but never
//!    the whole name (a company called `AG` stays `ag`).
//!
//! Empty text (or only punctuation) is unknown: `None`, never a change.
//!
//! ```
//! use rekindle::roles::{company_key, position_key};
//! assert_eq!(company_key("Northwind, Inc."), company_key("Northwind Inc"));
//! assert_ne!(company_key("Northwind Traders"), company_key("Northwind Analytics"));
//! assert_eq!(position_key("Sr. Product Mgr"), position_key("Senior Product Manager"));
//! assert_ne!(position_key("Product Manager"), position_key("Senior Product Manager"));
//! assert_eq!(position_key("  "), None);
//! ```

/// The key a company name is compared by, `None` when it is empty.
///
/// ```
/// use rekindle::roles::company_key;
/// assert_eq!(company_key("Harbor & Finch GmbH").as_deref(), Some("harbor and finch"));
/// assert_eq!(company_key("Contoso Pty. Ltd."), company_key("contoso"));
/// ```
pub fn company_key(company: &str) -> Option<String> {
    let mut words = words(company);
    strip_legal_suffixes(&mut words);
    join(&words)
}

/// The key a position (job title) is compared by, `None` when it is empty.
///
/// ```
/// use rekindle::roles::position_key;
/// assert_eq!(position_key("VP, Data").as_deref(), Some("vice president data"));
/// assert_eq!(position_key("Vice-President of Data"), position_key("VP Data"));
/// ```
pub fn position_key(position: &str) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words(position) {
        match expand(&word) {
            Some(expanded) => out.extend(expanded.iter().map(|w| (*w).to_string())),
            None if word == "of" => {}
            None => out.push(word),
        }
    }
    join(&out)
}

/// Lowercase words: letters and digits; `&` is the word `and`; everything
/// else separates words.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        } else {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            if c == '&' || c == '+' {
                out.push("and".to_string());
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn join(words: &[String]) -> Option<String> {
    (!words.is_empty()).then(|| words.join(" "))
}

/// Unambiguous abbreviations in job titles, spelled out.
fn expand(word: &str) -> Option<&'static [&'static str]> {
    Some(match word {
        "sr" | "snr" => &["senior"],
        "jr" | "jnr" => &["junior"],
        "mgr" => &["manager"],
        "dir" => &["director"],
        "engr" => &["engineer"],
        "asst" => &["assistant"],
        "assoc" => &["associate"],
        "coord" => &["coordinator"],
        "mgmt" => &["management"],
        "mktg" => &["marketing"],
        "ops" => &["operations"],
        "intl" => &["international"],
        "vp" => &["vice", "president"],
        "svp" => &["senior", "vice", "president"],
        "evp" => &["executive", "vice", "president"],
        "avp" => &["assistant", "vice", "president"],
        "ceo" => &["chief", "executive", "officer"],
        "cto" => &["chief", "technology", "officer"],
        "cfo" => &["chief", "financial", "officer"],
        "coo" => &["chief", "operating", "officer"],
        _ => return None,
    })
}

/// Legal-form suffixes, as the words they split into (`S.A.` is `s a`).
const LEGAL_SUFFIXES: &[&[&str]] = &[
    &["inc"],
    &["incorporated"],
    &["llc"],
    &["l", "l", "c"],
    &["ltd"],
    &["limited"],
    &["gmbh"],
    &["ag"],
    &["sa"],
    &["s", "a"],
    &["sas"],
    &["s", "a", "s"],
    &["sarl"],
    &["srl"],
    &["s", "r", "l"],
    &["spa"],
    &["s", "p", "a"],
    &["corp"],
    &["corporation"],
    &["plc"],
    &["bv"],
    &["b", "v"],
    &["nv"],
    &["n", "v"],
    &["pty"],
    &["pte"],
    &["sdn", "bhd"],
    &["bhd"],
    &["lp"],
    &["l", "p"],
    &["llp"],
    &["l", "l", "p"],
    &["pllc"],
    &["co"],
    &["kg"],
    &["oy"],
    &["oyj"],
    &["ab"],
    &["asa"],
    &["kk"],
    &["k", "k"],
    &["se"],
    &["ltda"],
];

/// Drops legal-form suffixes from the end, and an `and` they leave dangling
/// (`GmbH & Co. KG`), keeping at least one word.
fn strip_legal_suffixes(words: &mut Vec<String>) {
    loop {
        let before = words.len();
        if words.len() > 1 && words.last().is_some_and(|w| w == "and") {
            words.pop();
        }
        for suffix in LEGAL_SUFFIXES {
            if words.len() > suffix.len()
                && words[words.len() - suffix.len()..]
                    .iter()
                    .zip(suffix.iter())
                    .all(|(w, s)| w == s)
            {
                words.truncate(words.len() - suffix.len());
                break;
            }
        }
        if words.len() == before {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_company(a: &str, b: &str) {
        assert_eq!(company_key(a), company_key(b), "{a:?} vs {b:?}");
        assert!(company_key(a).is_some(), "{a:?}");
    }

    fn other_company(a: &str, b: &str) {
        assert_ne!(company_key(a), company_key(b), "{a:?} vs {b:?}");
    }

    fn same_position(a: &str, b: &str) {
        assert_eq!(position_key(a), position_key(b), "{a:?} vs {b:?}");
        assert!(position_key(a).is_some(), "{a:?}");
    }

    fn other_position(a: &str, b: &str) {
        assert_ne!(position_key(a), position_key(b), "{a:?} vs {b:?}");
    }

    #[test]
    fn company_legal_suffixes_fold_away() {
        same_company("Northwind, Inc.", "Northwind Inc");
        same_company("Northwind Inc", "Northwind");
        same_company("Northwind Incorporated", "northwind");
        same_company("Contoso Ltd", "Contoso Ltd.");
        same_company("Contoso Limited", "Contoso");
        same_company("Contoso Pty Ltd", "Contoso");
        same_company("Contoso Pty. Ltd.", "CONTOSO");
        same_company("Sakura Robotics K.K.", "Sakura Robotics");
        same_company("Alderbank AG", "Alderbank");
        same_company("Harbor & Finch GmbH", "Harbor and Finch");
        same_company("Harbor & Finch GmbH & Co. KG", "Harbor & Finch");
        same_company("Pinecrest Bank, S.A.", "Pinecrest Bank SA");
        same_company("Verdant Energy S.p.A.", "Verdant Energy");
        same_company("Bluefin Travel S.A.S.", "Bluefin Travel");
        same_company("Quillstone Media B.V.", "Quillstone Media BV");
        same_company("Quillstone Media N.V.", "Quillstone Media");
        same_company("Tidewater Labs, LLC", "Tidewater Labs");
        same_company("Tidewater Labs L.L.C.", "Tidewater Labs");
        same_company("Fabrikam Corp.", "Fabrikam Corporation");
        same_company("Fabrikam plc", "FABRIKAM PLC");
        same_company("Meridian Partners LLP", "Meridian Partners");
        same_company("Lumen Health Pte. Ltd.", "Lumen Health");
        same_company("Kuala Data Sdn. Bhd.", "Kuala Data");
        same_company("Nordlys Oy", "Nordlys");
        same_company("Fjord Shipping ASA", "Fjord Shipping");
        same_company("Brightline Logistics SE", "Brightline Logistics");
        same_company("Corvid Analytics Ltda.", "Corvid Analytics");
        same_company("Acme & Co.", "Acme");
    }

    #[test]
    fn company_case_space_punctuation_and_ampersand_fold_away() {
        same_company("Harbor & Finch", "Harbor and Finch");
        same_company("harbor  &  finch", "HARBOR AND FINCH");
        same_company("Corvid-Analytics", "Corvid Analytics");
        same_company("  Tidewater Labs\n", "Tidewater Labs");
        same_company("Zürich Versicherung", "ZÜRICH VERSICHERUNG");
    }

    #[test]
    fn real_company_changes_stay_changes() {
        other_company("Northwind Traders", "Northwind Analytics");
        other_company("Tidewater Labs", "Lumen Health");
        other_company("Contoso", "Contoso Bank");
        other_company("Acme", "Acme Robotics Inc");
        other_company("Fabrikam", "Fabrikam Health");
    }

    #[test]
    fn a_name_is_never_stripped_to_nothing() {
        assert_eq!(company_key("AG").as_deref(), Some("ag"));
        assert_eq!(company_key("Inc.").as_deref(), Some("inc"));
        assert_eq!(company_key("Co Ltd").as_deref(), Some("co"));
        // A suffix inside the name is part of the name.
        assert_eq!(company_key("Inc Magazine").as_deref(), Some("inc magazine"));
        assert_eq!(
            company_key("SA Power Networks").as_deref(),
            Some("sa power networks")
        );
    }

    #[test]
    fn empty_is_unknown() {
        for empty in ["", "   ", "\n", ",.", " - "] {
            assert_eq!(company_key(empty), None, "{empty:?}");
            assert_eq!(position_key(empty), None, "{empty:?}");
        }
    }

    #[test]
    fn position_abbreviations_fold_away() {
        same_position("Sr. Product Manager", "Senior Product Manager");
        same_position("Snr Product Manager", "senior product manager");
        same_position("Jr. Data Analyst", "Junior Data Analyst");
        same_position("Engineering Mgr", "Engineering Manager");
        same_position("Sr Mgr, Operations", "Senior Manager Operations");
        same_position("Dir. of Engineering", "Director of Engineering");
        same_position("Director, Engineering", "Director of Engineering");
        same_position("VP Data", "Vice President, Data");
        same_position("VP of Data", "Vice-President Data");
        same_position("SVP Sales", "Senior Vice President of Sales");
        same_position("EVP, Marketing", "Executive Vice President Marketing");
        same_position("Mktg Coord.", "Marketing Coordinator");
        same_position("Asst. Professor", "Assistant Professor");
        same_position(
            "Assoc. Director, Mgmt Consulting",
            "Associate Director Management Consulting",
        );
        same_position("Head of Ops", "Head of Operations");
        same_position("Intl Sales Lead", "International Sales Lead");
        same_position("CEO", "Chief Executive Officer");
        same_position(
            "CTO & Co-founder",
            "Chief Technology Officer and Co-Founder",
        );
        same_position("Senior Software Engr", "Senior Software Engineer");
    }

    #[test]
    fn position_case_space_punctuation_fold_away() {
        same_position(
            "Senior Data Engineer\nPlatform & Infrastructure",
            "Sr. Data Engineer, Platform and Infrastructure",
        );
        same_position("UX  Researcher", "ux researcher");
        same_position("Staff Engineer.", "Staff Engineer");
        same_position("Head of Design", "HEAD OF DESIGN");
        same_position("Research Scientist (PhD)", "Research Scientist, PhD");
    }

    #[test]
    fn real_position_changes_stay_changes() {
        other_position("Product Manager", "Senior Product Manager");
        other_position("Senior Product Manager", "Group Product Manager");
        other_position("Engineering Manager", "Director of Engineering");
        other_position("Head of Data", "VP Data");
        other_position("Data Analyst", "Senior Data Analyst");
        other_position("Junior Designer", "Designer");
        other_position("Staff Engineer", "Principal Engineer");
        other_position("Director of Operations", "COO");
    }

    #[test]
    fn ambiguous_abbreviations_are_left_alone() {
        // `Eng` is engineer or engineering, `PM` product or project manager.
        other_position("Software Eng", "Software Engineer");
        other_position("VP Eng", "VP Engineering");
        other_position("PM", "Product Manager");
        other_position("PM", "Project Manager");
    }
}
