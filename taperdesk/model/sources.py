"""The publications TaperDesk's rules cite, each written once (SPEC.md names them).

Every source a clinician sees next to a rule is one of these, a product or scale
file's own source, or the label "TaperDesk default (editable)" for a number that
is a TaperDesk choice rather than a published value.
"""

from __future__ import annotations

ASAM = "ASAM Joint Clinical Practice Guideline on Benzodiazepine Tapering, J Gen Intern Med 2025"
NARDI = (
    "Nardi AE et al., J Clin Psychopharmacol: clonazepam taper in panic disorder "
    "(73 patients; 68.9 % off the drug after the 4-month protocol)"
)
POTTIE = "Pottie et al. 2018 (deprescribing.org) evidence table"
VISSERS = "Vissers 2007, as tabulated by Pottie et al. 2018 (deprescribing.org)"
US_LABEL = "US clonazepam (Klonopin) label"
FIXED_EXAMPLE = f"{US_LABEL}: 0.125 mg twice daily every 3 days"
ASHTON = 'Ashton H, "The treatment of benzodiazepine dependence", Addiction 1994'
ASHTON_MANUAL = (
    "Ashton CH, Benzodiazepines: How They Work and How to Withdraw (the Ashton Manual): "
    "substitution of diazepam one dose at a time; NHS Scotland benzodiazepine tool"
)
TABLE7 = {
    "ashton": "ASAM 2025 Table 7, Ashton column (dose equivalent to 10 mg diazepam)",
    "va-dod": "ASAM 2025 Table 7, VA/DoD column (dose equivalent to 10 mg diazepam)",
}
FDA_BOXED = "FDA boxed warnings 2016 and 2020"
TAPERDESK_DEFAULT = "TaperDesk default (editable)"
TAPERDESK_LIMIT = "TaperDesk limit (editable constant, not a clinical number)"

HOLD = (
    "Clinical summaries of the Nardi protocol: hold 1–2 weeks at the current dose when "
    f"moderate or severe symptoms emerge; {ASAM}: pause or slow the taper when significant "
    "symptoms emerge"
)
BACK_STEP = "ASAM 2025: a temporary return to the previous dose in rare cases"
RED_FLAGS = (
    f"{US_LABEL}, dependence and withdrawal reactions, and the FDA boxed warning 2020: "
    "withdrawal reactions can be life-threatening (seizures, delirium, psychosis, "
    "suicidal thoughts)"
)
WITHDRAWAL_SYMPTOMS = f"{US_LABEL}: withdrawal symptoms"

ALL = (ASAM, NARDI, POTTIE, VISSERS, US_LABEL, FIXED_EXAMPLE, ASHTON, ASHTON_MANUAL,
       *TABLE7.values(), FDA_BOXED,
       TAPERDESK_DEFAULT, TAPERDESK_LIMIT, HOLD, BACK_STEP, RED_FLAGS,
       WITHDRAWAL_SYMPTOMS)
"""Every source text above (a test checks none cites the seed articles)."""
