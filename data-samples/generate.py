#!/usr/bin/env python3
"""Render one invented LinkedIn story into sample exports of every format era.

Everything here is invented: no real person's data. Python 3.11, stdlib only.
Deterministic: running it twice produces byte-identical files.

    python3 data-samples/generate.py

Writes, next to this script:
    <era>/<ExportName>/...        unzipped export folders
    zips/<ExportName>.zip         the same files at the zip root
    expected.json                 what a correct reader should report per era
    README.md                     what all this is

The story is defined in days before the export date E, so every era tells the
same story shifted in time. See /work/shared/docs/export-format.md for the
formats reproduced here.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import shutil
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

URL_PREFIX = "https://www.linkedin.com/in/"

# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    slug: str | None = None
    company: str = ""
    position: str = ""
    email: str = ""

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}".strip()

    @property
    def url(self) -> str:
        return URL_PREFIX + self.slug if self.slug else ""


P = {
    "avery": Person("Avery", "Quinn", "avery-quinn-7c1e20"),
    "maya": Person("Maya", "Okonkwo-Reyes", "maya-okonkwo-reyes-3f81b2",
                   "Tidewater Labs", "Head of Design"),
    "jonas": Person("Jonas", "Lindqvist", "jonas-lindqvist-a2094e",
                    "Brightline Logistics", "Engineering Manager"),
    "priya": Person("Priya", "Raman", "priya-raman-5d7c31",
                    "Corvid Analytics", "Senior Product Manager"),
    "tomas": Person("Tomás", "Álvarez", "tomas-alvarez-b86f10",
                    "Harbor & Finch", "Staff Engineer"),
    "elif": Person("Elif", "Demir", "elif-demir-0e4c77",
                   "Pinecrest Bank", "UX Researcher"),
    "jane": Person("Jane", "Doe, Ph.D.", "jane-doe-phd-91c3aa",
                   "Meridian University", "Research Scientist"),
    "sam_contoso": Person("Sam", "Lee", "sam-lee-contoso",
                          "Contoso Ltd", "Solutions Architect"),
    "sam_fabrikam": Person("Sam", "Lee", "sam-lee-4410fa",
                           "Fabrikam", "Account Executive"),
    "zoe": Person("Zoë", "Brennan", "zo%C3%AB-brennan-12ab",
                  "Quillstone Media", "Content Strategist"),
    "kwame": Person("Kwame", "Mensah", "kwame-mensah-6a02d9",
                    "Northwind, Inc.", "Director of Operations"),
    "hannah": Person("Hannah", "Schulz", "hannah-schulz-c3e8f1",
                     "Alderbank", "Product Designer",
                     "hannah.schulz@example.com"),
    "lucas": Person("Lucas", "Moreau", "lucas-moreau-7f25b0",
                    "Verdant Energy", "Data Analyst"),
    "aiko": Person("Aiko", "Tanaka", "aiko-tanaka-e19d46",
                   "Sakura Robotics",
                   "Senior Data Engineer\nPlatform & Infrastructure"),
    "rafael": Person("Rafael", "Costa", "rafael-costa-2b7e58",
                     "Bluefin Travel", "Marketing Lead"),
    # not connections
    "dana": Person("Dana", "Whitfield", "dana-whitfield-talent"),
    "noah": Person("Noah", "Kim", "noah-kim-83d1c5"),
    "lena": Person("Lena", "Fischer", "lena-fischer-5a6b7c"),
    "omar": Person("Omar", "Haddad", "omar-haddad-90e2f4"),
    "crypto": Person("Crypto", "Deals", "crypto-deals-official-777"),
    "northwind": Person("Northwind", "Careers"),        # sponsored, no URL
    "member": Person("LinkedIn", "Member"),             # closed account, no URL
}
OWNER = "avery"

# (person, days before E connected), hidden rows are (None, days)
CONNECTIONS = [
    ("maya", 2200), ("jonas", 2000), ("priya", 1600), ("tomas", 500),
    ("elif", 300), ("jane", 900), ("sam_contoso", 620), ("sam_fabrikam", 400),
    ("zoe", 700), ("kwame", 2100), ("hannah", 1250), ("lucas", 800),
    ("aiko", 150), ("rafael", 10),
    (None, 1300), (None, 450),
]

# --------------------------------------------------------------------------
# Story: conversations and messages
# --------------------------------------------------------------------------


@dataclass
class Msg:
    day: int                     # days before E
    time: tuple[int, int, int]   # UTC time of day
    sender: str
    content: str
    folder: str = "INBOX"
    subject: str = ""
    attachments: str = ""
    draft: bool = False
    crlf_2026: bool = False      # in 2026, write line breaks in CONTENT as CRLF


@dataclass
class Conv:
    key: str
    participants: list[str]      # owner included
    title: str = ""
    kind: str = "direct"         # direct | group | sponsored | member | spam
    draft_only: bool = False     # a conversation that only exists as a draft
    msgs: list[Msg] = field(default_factory=list)

    @property
    def is_group(self) -> bool:
        return len(self.participants) > 2


def clock(i: int, salt: int = 0) -> tuple[int, int, int]:
    """A deterministic, varied time of day (07:00-21:59 UTC)."""
    h = hashlib.sha256(f"rekindle-sample-clock:{salt}:{i}".encode()).digest()
    return (7 + h[0] % 15, h[1] % 60, h[2] % 60)


def spread(start: int, end: int, pattern: list[int], n_gaps: int) -> list[int]:
    """Days from start down to end (both inclusive), n_gaps irregular gaps
    shaped by pattern and scaled so the end lands exactly."""
    gaps = [pattern[i % len(pattern)] for i in range(n_gaps)]
    total = sum(gaps)
    days, cum = [start], 0
    for g in gaps:
        cum += g
        days.append(start - round((start - end) * cum / total))
    return days


def pick(pool: list[str], i: int) -> str:
    return pool[i % len(pool)]


MAYA_AVERY = [
    "Coffee next week? I owe you one after the offsite.",
    "How did the design review go?",
    "Just read the article you sent. Agree with most of it, not the part about personas.",
    "Are you going to the UX meetup this month?",
    "Congrats on the promotion, well deserved!",
    "Finally tried that ramen place. You were right.",
    "Any chance you could look at our onboarding flow? 20 minutes, tops.",
    "Loved your talk. The slide about empty states got a laugh here too.",
    "Long week. How are things on your side?",
    "We shipped the new dashboard, come break it.",
    "Happy birthday! Hope it's a calm one.",
    "Did you ever finish that book on service design?",
    "Lunch Friday? Same place as last time.",
]
MAYA_MAYA = [
    "Yes please, Tuesday or Wednesday?",
    "Went better than expected, they liked the prototype.",
    "Ha, personas are a hill I will die on.",
    "Maybe, depends on the sitter. Will let you know.",
    "Thank you! Still adjusting to all the meetings.",
    "Told you. Next time we go together.",
    "Sure, send me a link and I'll take a look tonight.",
    "Thanks! I was so nervous before it.",
    "Busy but good. The new team is great.",
    "On it. First bug report incoming.",
    "Thank you!! It was lovely.",
    "Halfway. It's dense, but worth it.",
    "Friday works, 12:30?",
]
TAILS = ["", " Talk soon.", " :)", " No rush.", "", " Cheers!", ""]

JONAS_JONAS = [
    "Hi Avery, long time! Still at the same place?",
    "We are finally migrating off the old warehouse system. Pray for us.",
    "Saw your post about roadmaps, made me think of our old planning wars.",
    "Are you ever in Gothenburg? Would be great to catch up properly.",
    "New job news: I'm moving to a manager role in spring.",
    "How is the new product going? Heard good things.",
]
JONAS_AVERY = [
    "Jonas! Yes, still here, still fighting the same backlog.",
    "Good luck, I remember the last attempt. Bring snacks.",
    "Ha, the planning wars. I still have the sticky notes somewhere.",
    "Not this year sadly, but if you come to Amsterdam let me know.",
    "That's great news, congrats! They're lucky to have you.",
    "Slowly, but it's going. Let's do a call sometime?",
]

PRIYA_AVERY = [
    "Did you see the retention numbers this morning?",
    "Can we move our sync to Thursday?",
    "Thanks for the notes on the spec, super helpful.",
    "Quick sanity check on the pricing page copy?",
    "How did the customer interviews go?",
    "Sending the roadmap draft later today.",
    "Coffee after the all-hands?",
    "I think we should cut the export feature from v1.",
    "Nice work on the launch, the support queue is quiet for once.",
    "Are you joining the planning session on Monday?",
    "Happy Friday! Anything I can unblock before the weekend?",
]
PRIYA_PRIYA = [
    "Yes, the cohort from March is holding up better than expected.",
    "Thursday works, same time.",
    "Anytime. I left two more comments on the edge cases.",
    "Looks good, I'd shorten the second paragraph.",
    "Mixed. Three loved it, two were confused by the setup step.",
    "Great, I'll review tonight.",
    "Yes, meet you at the kitchen.",
    "Agree, it can wait for v1.1.",
    "Thank you! Team effort, as always.",
    "I'll be there, bringing the metrics deck.",
    "All good here, have a great weekend!",
]

TOMAS_TOMAS = [
    "Hola Avery, thanks for connecting! Enjoyed your session at the meetup.",
    "We're evaluating feature flag tools, any favourites?",
    "Quick question about how your team runs discovery sprints.",
    "Sharing a write-up of our migration, curious what you think.",
    "Are you hiring engineers at the moment?",
    "Thanks for the intro to Priya, we had a great chat.",
    "See you at the next meetup?",
]
TOMAS_AVERY = [
    "Thanks Tomás, glad it was useful!",
    "We use a homegrown one, honestly. Happy to show you.",
    "Sure, we do two-week sprints with a demo at the end. Call?",
    "Read it, really clear. The rollback section is gold.",
    "Not right now, but I'll keep you posted.",
    "Great to hear, I thought you two would get along.",
    "Definitely, save me a seat.",
]

ELIF = [
    ("elif", "Hi Avery, I'm researching how product teams use interview notes. Could I ask you a few questions?"),
    ("avery", "Hi Elif, sure, happy to help. What's a good time?"),
    ("elif", "Thank you! Would Thursday at 15:00 CET work?"),
    ("avery", "Thursday works. I'll send an invite."),
    ("elif", "Thanks again for today, this was super helpful.\nI'll share the summary when it's ready."),
    ("avery", "My pleasure, good luck with the study!"),
]


def build_story() -> list[Conv]:
    convs: list[Conv] = []

    # 1. Maya: formerly close, ~3-weekly, day 1900 -> 800, silent since.
    c = Conv("maya", [OWNER, "maya"])
    days = spread(1900, 800, [21, 17, 26, 15, 24, 19, 27, 22, 16, 25, 18, 27, 20, 23], 51)
    for i, d in enumerate(days):
        s = OWNER if i % 2 == 0 else "maya"
        pool = MAYA_AVERY if s == OWNER else MAYA_MAYA
        text = pick(pool, i // 2) + pick(TAILS, i // 3)
        folder = "ARCHIVE" if (s == "maya" and d > 1350) else "INBOX"
        c.msgs.append(Msg(d, clock(i, 1), s, text, folder))
    # hand-written quirks
    c.msgs[3].content = ('Ha, she actually called it "the roadmap of doom" in the all-hands. '
                         "I can't unsee it now.")
    c.msgs[6].content = ("Sounds good, Thursday works.\n"
                         "Bring the sketches, if you still have them, and I'll bring the bad coffee.")
    c.msgs[11].content = ('<p>Found it: <a href="https://example.com/design-systems-talk">'
                          "the talk I mentioned</a></p>")
    c.msgs[24].content = "Miss working with you.<br>The new place is fine, but it's quiet."
    convs.append(c)

    # 2. Jonas: formerly close, ~4-monthly, 1800 -> 700; draft at 100 never sent.
    c = Conv("jonas", [OWNER, "jonas"])
    days = spread(1800, 700, [110, 95, 105, 90, 100, 120, 85, 105, 95, 115, 80], 11)
    for i, d in enumerate(days):
        s = "jonas" if i % 2 == 0 else OWNER
        pool = JONAS_JONAS if s == "jonas" else JONAS_AVERY
        c.msgs.append(Msg(d, clock(i, 2), s, pick(pool, i // 2)))
    c.msgs[4].content = ('Quick one: do you still have the "planning poker" cards, '
                         "or did they go in the big clear-out?")
    c.msgs.append(Msg(100, (21, 47, 3), OWNER,
                      "Hey Jonas, it's been ages. I keep meaning to write,\nare you still in Gothenburg?",
                      draft=True))
    convs.append(c)

    # 3. Priya: close and current, ~80 messages, 1500 -> 10.
    c = Conv("priya", [OWNER, "priya"])
    days = spread(1500, 10, [14, 21, 16, 24, 13, 19, 22, 15, 20, 18], 82)
    for i, d in enumerate(days):
        s = OWNER if i % 2 == 0 else "priya"
        pool = PRIYA_AVERY if s == OWNER else PRIYA_PRIYA
        text = pick(pool, i // 2) + pick(TAILS, i // 5)
        c.msgs.append(Msg(d, clock(i, 3), s, text))
    c.msgs[9].content = ('Agenda for Monday:\n1. metrics review, briefly\n'
                         '2. the "north star" debate, again\n3. hiring plan')
    c.msgs[9].crlf_2026 = True
    c.msgs[20].content = ("Here is the draft, comments welcome.")
    c.msgs[20].attachments = ("https://www.linkedin.com/dms/prv/document/v2/"
                              "D4E06AQExampleRoadmap/messaging-attachmentFile/0/roadmap-draft.pdf")
    c.msgs[33].content = ("Long one, sorry. Notes from the customer call, so we have them "
                          "somewhere:\n" + " ".join(
                              f"Point {k}: they asked about exports, permissions, and "
                              f"\"something like Slack, but calmer\"." for k in range(1, 13))
                          + "\nThat's all, thanks for listening!")
    c.msgs[33].crlf_2026 = True
    c.msgs[50].content = "<p>Congrats on the launch!<br>Drinks are on me.</p>"
    c.msgs[71].content = ("Can you send me the link again?\nThe old one, with the "
                          "\"final_final_v3\" deck, expired.")
    c.msgs[71].crlf_2026 = True
    convs.append(c)

    # 4. Tomás: current, monthly, 400 -> 30.
    c = Conv("tomas", [OWNER, "tomas"])
    days = spread(400, 30, [28, 31, 26, 30, 33, 27, 29], 13)
    for i, d in enumerate(days):
        s = "tomas" if i % 2 == 0 else OWNER
        pool = TOMAS_TOMAS if s == "tomas" else TOMAS_AVERY
        c.msgs.append(Msg(d, clock(i, 4), s, pick(pool, i // 2)))
    convs.append(c)

    # 5. Elif: 6 messages 200 -> 100, then one from Elif at 20, unanswered.
    c = Conv("elif", [OWNER, "elif"])
    for i, (d, (s, text)) in enumerate(zip([200, 181, 163, 140, 122, 100], ELIF)):
        c.msgs.append(Msg(d, clock(i, 5), s, text, crlf_2026="\n" in text))
    c.msgs.append(Msg(20, (8, 42, 19), "elif",
                      "Hi Avery, the study summary is out!\nWould you have 15 minutes "
                      "to go through it, maybe next week?", crlf_2026=True))
    convs.append(c)

    # 7. Sam Lee (Contoso): one-off exchange at 600.
    c = Conv("sam", [OWNER, "sam_contoso"])
    c.msgs += [Msg(600, (9, 14, 2), OWNER, "Hi Sam, thanks for connecting! Great chatting at the partner day."),
               Msg(600, (17, 52, 40), "sam_contoso", "Likewise, Avery. Let's stay in touch.")]
    convs.append(c)

    # 9. Zoë: one each way at 650.
    c = Conv("zoe", [OWNER, "zoe"])
    c.msgs += [Msg(650, (11, 3, 27), "zoe", "Hi Avery! Would you be up for a short interview for our product blog?"),
               Msg(650, (19, 40, 8), OWNER, "Hi Zoë, thanks for thinking of me. Not this quarter, but ask me again in spring?")]
    convs.append(c)

    # Dana Whitfield, recruiter: 5 inbound, never answered.
    c = Conv("dana", [OWNER, "dana"])
    dana = [
        (900, "Senior Product Lead role at Halcyon",
         "Hi Avery, I'm hiring a Senior Product Lead for a fast-growing fintech. Open to a quick chat?"),
        (700, "Head of Product, remote",
         "Hi Avery, following up with a new opening: Head of Product, fully remote, EU hours."),
        (500, "Quick question",
         "Hi Avery,\nare you open to new opportunities this year? Happy to share details, "
         "salary range included."),
        (300, "Product Director role",
         '<p>Hi Avery,</p><p>A client of mine is looking for a "builder" type Product Director. '
         "Thought of you right away.</p>"),
        (120, "Still interested?",
         "Hi Avery, one last try: would a 10-minute call next week work?"),
    ]
    for i, (d, subj, text) in enumerate(dana):
        c.msgs.append(Msg(d, clock(i, 6), "dana", text, subject=subj))
    convs.append(c)

    # Book club: Avery, Maya, Noah, 1200 -> 1100.
    c = Conv("bookclub", [OWNER, "maya", "noah"], title="Book club", kind="group")
    book = [
        ("noah", "Next pick: \"The Design of Everyday Things\"? Or is that too on the nose?"),
        ("maya", "Too on the nose, but I'm in."),
        (OWNER, "In. Same cafe, first Sunday of the month?"),
        ("noah", "Works for me. I'll book a table for 3."),
        (OWNER, "Chapter 4 is where it gets good, by the way."),
        ("maya", "Spoilers!! See you Sunday."),
    ]
    for i, (d, (s, text)) in enumerate(zip([1200, 1181, 1160, 1142, 1121, 1100], book)):
        c.msgs.append(Msg(d, clock(i, 7), s, text))
    convs.append(c)

    # Q3 planning: Avery, Priya, Tomás, Jane Doe, Ph.D., 90 -> 60.
    c = Conv("q3", [OWNER, "priya", "tomas", "jane"], title="Q3 planning", kind="group")
    q3 = [
        ("priya", "Kicking this off: goals for Q3, please add yours by Friday."),
        (OWNER, "Thanks Priya. Mine: retention, onboarding, and fewer meetings."),
        ("tomas", "Engineering side: migrate the job queue, then performance work."),
        ("jane", "From the research group: we'd like a shared dataset, anonymised, of course."),
        ("priya", '<p>Draft is up, comments welcome<br>— P</p>'),
        (OWNER, "Left comments.\nTwo questions on scope, see the doc, section 2."),
        ("jane", 'Looks good. One nit: "anonymised" should be "pseudonymised" in 3.1.'),
        ("tomas", "Agreed with everything, let's lock it on Monday."),
    ]
    for i, (d, (s, text)) in enumerate(zip([90, 86, 81, 77, 72, 68, 64, 60], q3)):
        c.msgs.append(Msg(d, clock(i, 8), s, text, crlf_2026="\n" in text))
    c.msgs[4].attachments = ("https://www.linkedin.com/dms/prv/document/v2/"
                             "D4E06AQExampleQ3Plan/messaging-attachmentFile/0/q3-plan.pdf")
    convs.append(c)

    # Sponsored InMail: no sender URL, spinmail HTML, unfilled %FIRSTNAME%.
    c = Conv("sponsored", [OWNER, "northwind"], title="Lead product at Northwind", kind="sponsored")
    c.msgs.append(Msg(50, (13, 0, 0), "northwind",
                      '<p class="spinmail-quill-editor__spin-break">Hi %FIRSTNAME%,</p>'
                      '<p class="spinmail-quill-editor__spin-break">Northwind is growing, and we are '
                      "looking for product leads who love hard problems. "
                      '<a href="https://example.com/northwind-careers">See open roles</a></p>',
                      subject="Lead product at Northwind"))
    convs.append(c)

    # A closed/private account: sender "LinkedIn Member", no URL.
    c = Conv("member", [OWNER, "member"], kind="member")
    c.msgs.append(Msg(40, (16, 21, 55), "member",
                      "Hi Avery, I enjoyed your post on discovery work. Would you speak at our panel?"))
    convs.append(c)

    # Spam.
    c = Conv("spam", [OWNER, "crypto"], kind="spam")
    c.msgs += [Msg(260, (3, 12, 44), "crypto", "🚀 Turn $100 into $10,000 in a week!!! Limited spots, DM me.",
                   folder="SPAM"),
               Msg(255, (3, 15, 9), "crypto", "Last chance, 500% returns, guaranteed. Reply YES.",
                   folder="SPAM")]
    convs.append(c)

    # Draft-only conversation to Lena Fischer (only in eras with a draft column).
    c = Conv("lena", [OWNER, "lena"], draft_only=True)
    c.msgs.append(Msg(32, (22, 5, 31), OWNER,
                      "Hi Lena, great meeting you at the product meetup! Would love to hear more about",
                      folder="", draft=True))
    convs.append(c)

    return convs


def conversation_id(key: str) -> str:
    h = hashlib.sha256(f"rekindle-sample-conversation:{key}".encode()).hexdigest()
    uuid = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"
    return "2-" + base64.b64encode(f"{uuid}_010".encode()).decode()


# --------------------------------------------------------------------------
# Other per-person facts
# --------------------------------------------------------------------------

# (days before E, time, skill, person)
ENDORSEMENTS_RECEIVED = [
    (1700, (10, 2, 45), "User Research", "maya"),
    (1200, (14, 30, 12), "Product Management", "priya"),
    (300, (9, 48, 3), "Roadmapping", "priya"),
]
ENDORSEMENTS_GIVEN = [
    (1650, (18, 11, 59), "Interaction Design", "maya"),
    (500, (12, 5, 2), "Data Analysis", "priya"),
]
# (days, time, person, text)
RECOMMENDATIONS_RECEIVED = [
    (400, (17, 51, 0), "priya",
     "Avery is the product lead everyone hopes for: calm, curious, and relentless about "
     "what users actually need. When our launch slipped, Avery rebuilt the plan in a day, "
     'and still found time to coach two junior PMs. I would work with Avery again "in a heartbeat".'),
]
RECOMMENDATIONS_GIVEN = [
    (1000, (9, 15, 0), "maya",
     "Maya is the best designer I have worked with. She turns messy research into clear, "
     "kind interfaces, and she makes everyone around her better at their job."),
]
# (days, time, from, to, message, direction)
INVITATIONS = [
    (30, (14, 37, 0), OWNER, "lena", "Great meeting you at the product meetup!", "OUTGOING"),
    (5, (9, 2, 0), "omar", OWNER, "", "INCOMING"),
]

# --------------------------------------------------------------------------
# Eras
# --------------------------------------------------------------------------

MSG_BASE_9 = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
              "DATE", "SUBJECT", "CONTENT", "FOLDER"]
MSG_BASE_10 = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
               "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER"]


@dataclass(frozen=True)
class Era:
    key: str
    export_date: dt.date
    basic: bool = False
    conn_preamble: bool = True
    conn_url: bool = True
    msg_columns: tuple[str, ...] = tuple(MSG_BASE_10)
    msg_quote_all: bool = False
    inv_urls: bool = False
    endorsement_urls: bool = False
    rec_date: str = "long"          # long | short | month
    excel: bool = False
    job_applications: bool = False
    guide_messages: bool = False
    plan_files: bool = False        # Saved Jobs, Notes and Positions (2026 only)
    # Later renderings (see LATER_ERAS): the base story is this many days
    # older, and people and connections may differ from P and CONNECTIONS.
    shift: int = 0
    people: dict | None = None
    connections: tuple | None = None

    @property
    def P(self) -> dict:
        return P if self.people is None else self.people

    @property
    def conns(self) -> list:
        return CONNECTIONS if self.connections is None else list(self.connections)

    @property
    def export_name(self) -> str:
        kind = "Basic" if self.basic else "Complete"
        return f"{kind}_LinkedInDataExport_{self.export_date:%m-%d-%Y}"

    @property
    def zip_name(self) -> str:
        # 2022 and 2022-excel share an export name; the re-saved copy gets a suffix.
        return self.export_name + ("_excel" if self.excel else "") + ".zip"

    @property
    def has_drafts(self) -> bool:
        return "IS MESSAGE DRAFT" in self.msg_columns


ERAS = [
    Era("2020", dt.date(2020, 11, 14), basic=True, conn_preamble=False, conn_url=False,
        msg_columns=("FROM", "TO", "DATE", "SUBJECT", "CONTENT", "DIRECTION", "FOLDER")),
    Era("2021", dt.date(2021, 9, 3), conn_url=False, msg_columns=tuple(MSG_BASE_9)),
    Era("2022", dt.date(2022, 5, 17), conn_url=False, msg_columns=tuple(MSG_BASE_9)),
    Era("2022-excel", dt.date(2022, 5, 17), conn_url=False, msg_columns=tuple(MSG_BASE_9),
        excel=True),
    Era("2023-mid", dt.date(2023, 8, 21)),
    Era("2024", dt.date(2024, 4, 9), msg_columns=tuple(MSG_BASE_10 + ["ATTACHMENTS"]),
        inv_urls=True, endorsement_urls=True, rec_date="short", job_applications=True),
    Era("2024-dec", dt.date(2024, 12, 12),
        msg_columns=tuple(MSG_BASE_10 + ["ATTACHMENTS", "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"]),
        inv_urls=True, endorsement_urls=True, rec_date="short", job_applications=True),
    Era("2025", dt.date(2025, 6, 30),
        msg_columns=tuple(MSG_BASE_10 + ["IS MESSAGE DRAFT", "ATTACHMENTS"]),
        inv_urls=True, endorsement_urls=True, rec_date="short", job_applications=True),
    Era("2026", dt.date(2026, 10, 5), msg_columns=tuple(MSG_BASE_10 + ["ATTACHMENTS"]),
        msg_quote_all=True, inv_urls=True, endorsement_urls=True, rec_date="month",
        job_applications=True, guide_messages=True, plan_files=True),
]

# --------------------------------------------------------------------------
# Formatting helpers
# --------------------------------------------------------------------------


def at(era: Era, day: int, time: tuple[int, int, int]) -> dt.datetime:
    e = dt.datetime(era.export_date.year, era.export_date.month, era.export_date.day)
    return e - dt.timedelta(days=day + era.shift) + dt.timedelta(hours=time[0], minutes=time[1], seconds=time[2])


def fmt_connected(era: Era, d: dt.datetime) -> str:
    if era.excel:                                   # Excel re-save: 8-Feb-22
        return f"{d.day}-{MONTHS[d.month - 1]}-{d.year % 100:02d}"
    return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"


def fmt_msg_date(era: Era, d: dt.datetime) -> str:
    if era.key == "2020":
        return d.strftime("%Y-%m-%dT%H:%M:%S")
    return d.strftime("%Y-%m-%d %H:%M:%S") + " UTC"


def h12(d: dt.datetime) -> tuple[int, str]:
    return (d.hour % 12 or 12), ("AM" if d.hour < 12 else "PM")


def fmt_invitation(d: dt.datetime) -> str:          # 1/29/26, 2:37 PM
    h, ampm = h12(d)
    return f"{d.month}/{d.day}/{d.year % 100:02d}, {h}:{d.minute:02d} {ampm}"


def fmt_recommendation(era: Era, d: dt.datetime) -> str:
    if era.rec_date == "long":                      # 08/30/22, 05:51 PM
        h, ampm = h12(d)
        return f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}, {h:02d}:{d.minute:02d} {ampm}"
    if era.rec_date == "short":                     # 01/01/24
        return f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}"
    return f"{MONTHS[d.month - 1]} {d.year}"        # Jan 2024


def fmt_endorsement(d: dt.datetime) -> str:         # 2022/06/20 13:05:02 UTC
    return d.strftime("%Y/%m/%d %H:%M:%S") + " UTC"


def csv_field(v: str, quote_all: bool) -> str:
    if quote_all or any(ch in v for ch in ',"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def csv_text(rows: list[list[str]], *, eol: str = "\n", quote_all: bool = False,
             final_eol: bool = True, preamble: list[str] = ()) -> str:
    lines = list(preamble) + [",".join(csv_field(v, quote_all) for v in r) for r in rows]
    return eol.join(lines) + (eol if final_eol else "")


# --------------------------------------------------------------------------
# Rendering one era
# --------------------------------------------------------------------------

PREAMBLE = [
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download it. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    "",
]


def era_conversations(era: Era, story: list[Conv]) -> list[Conv]:
    """Conversations as they appear in this era (drafts only where a draft
    column exists), newest conversation first, newest message first."""
    out = []
    for c in story:
        msgs = [m for m in c.msgs if era.has_drafts or not m.draft]
        if not msgs:
            continue
        msgs.sort(key=lambda m: at(era, m.day, m.time), reverse=True)
        out.append(Conv(c.key, c.participants, c.title, c.kind, c.draft_only, msgs))
    out.sort(key=lambda c: at(era, c.msgs[0].day, c.msgs[0].time), reverse=True)
    return out


def render_messages(era: Era, convs: list[Conv]) -> str:
    rows = []
    for c in convs:
        cid = conversation_id(c.key)
        for m in c.msgs:
            sender = era.P[m.sender]
            recips = [era.P[k] for k in c.participants if k != m.sender]
            content = m.content
            if era.key == "2026" and m.crlf_2026:
                content = content.replace("\n", "\r\n")
            values = {
                "CONVERSATION ID": cid,
                "CONVERSATION TITLE": c.title,
                "FROM": sender.name,
                "SENDER PROFILE URL": sender.url,
                "TO": ", ".join(r.name for r in recips),
                "RECIPIENT PROFILE URLS": ",".join(r.url for r in recips if r.url),
                "DATE": fmt_msg_date(era, at(era, m.day, m.time)),
                "SUBJECT": m.subject,
                "CONTENT": content,
                "FOLDER": m.folder,
                "DIRECTION": "OUTGOING" if m.sender == OWNER else "INCOMING",
                "ATTACHMENTS": m.attachments,
                "IS MESSAGE DRAFT": "Yes" if m.draft else "No",
                "IS CONVERSATION DRAFT": "Yes" if c.draft_only else "No",
            }
            rows.append([values[col] for col in era.msg_columns])
    return csv_text([list(era.msg_columns)] + rows, eol=eol(era), quote_all=era.msg_quote_all)


def eol(era: Era) -> str:
    return "\r\n" if era.excel else "\n"


def render_connections(era: Era) -> str:
    header = ["First Name", "Last Name"] + (["URL"] if era.conn_url else []) + \
             ["Email Address", "Company", "Position", "Connected On"]
    entries = sorted(era.conns, key=lambda e: (e[1], e[0] or ""))   # newest first
    rows = []
    for key, day in entries:
        date = fmt_connected(era, at(era, day, (0, 0, 0)))
        if key is None:
            rows.append([""] * (len(header) - 1) + [date])
            continue
        p = era.P[key]
        rows.append([p.first, p.last] + ([p.url] if era.conn_url else []) +
                    [p.email, p.company, p.position, date])
    # Connections.csv has no newline after its last row; Excel writes one.
    return csv_text([header] + rows, eol=eol(era), final_eol=era.excel,
                    preamble=PREAMBLE if era.conn_preamble else [])


def render_profile(era: Era) -> str:
    header = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline",
              "Summary", "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
              "Instant Messengers"]
    row = ["Avery", "Quinn", "", "", "", "Product lead",
           "Product lead who likes small teams, clear goals, and fewer meetings.\n"
           "Previously design and research.",
           "Software Development", "", "Utrecht, Utrecht, Netherlands", "",
           "[PERSONAL:https://averyquinn.example]", ""]
    return csv_text([header, row], eol=eol(era))


def render_invitations(era: Era) -> str:
    header = ["From", "To", "Sent At", "Message", "Direction"]
    if era.inv_urls:
        header += ["inviterProfileUrl", "inviteeProfileUrl"]
    rows = []
    for day, time, frm, to, message, direction in sorted(INVITATIONS, key=lambda i: i[0]):
        row = [era.P[frm].name, era.P[to].name, fmt_invitation(at(era, day, time)), message, direction]
        if era.inv_urls:
            row += [era.P[frm].url, era.P[to].url]
        rows.append(row)
    return csv_text([header] + rows, eol=eol(era))


def render_endorsements(era: Era, entries, role: str) -> str:
    header = ["Endorsement Date", "Skill Name", f"{role} First Name", f"{role} Last Name"]
    if era.endorsement_urls:
        header.append(f"{role} Public Url")
    header.append("Endorsement Status")
    rows = []
    for day, time, skill, key in sorted(entries, key=lambda e: e[0]):
        p = era.P[key]
        row = [fmt_endorsement(at(era, day, time)), skill, p.first, p.last]
        if era.endorsement_urls:
            row.append(p.url.removeprefix("https://"))
        row.append("ACCEPTED")
        rows.append(row)
    return csv_text([header] + rows, eol=eol(era))


def render_recommendations(era: Era, entries) -> str:
    header = ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"]
    rows = []
    for day, time, key, text in entries:
        p = era.P[key]
        rows.append([p.first, p.last, p.company, p.position, text,
                     fmt_recommendation(era, at(era, day, time)), "VISIBLE"])
    return csv_text([header] + rows, eol=eol(era))


def render_rich_media(era: Era) -> str:
    header = ["Date/Time", "Media Description", "Media Link"]
    d = at(era, 1400, (8, 30, 0))
    h, ampm = h12(d)
    when = f"You uploaded a profile photo on {MONTHS[d.month - 1]} {d.day}, {d.year} at {h}:{d.minute:02d} {ampm} (GMT)"
    row = [when, "", "https://media.licdn.example/dms/image/C4E03AQExampleProfilePhoto/profile-photo"]
    return csv_text([header, row], eol=eol(era))


def render_job_applications(era: Era) -> str:
    header = ["Application Date", "Contact Email", "Contact Phone Number", "Company Name",
              "Job Title", "Job Url", "Resume Name", "Question And Answers"]
    d = at(era, 220, (19, 4, 0))
    h, ampm = h12(d)
    row = [f"{d.month}/{d.day}/{d.year % 100:02d}, {h}:{d.minute:02d} {ampm}",
           "avery.quinn@example.com", "", "Halcyon Payments", "Group Product Manager",
           "https://www.linkedin.com/jobs/view/1234567890", "Avery_Quinn_CV.pdf",
           "Years of product experience? : 9 | Willing to relocate? : No"]
    return csv_text([header, row], eol=eol(era))


# (days before E, time, title, company): one company spelled with "and" where
# Connections.csv has "&", one the owner used to work at.
SAVED_JOBS = [
    (20, (10, 12, 0), "Staff Product Manager", "Harbor and Finch"),
    (45, (21, 40, 0), "Director of Product", "Tidewater Labs, Inc."),
]
# (company, title, started, finished): the owner's employers.
POSITIONS = [
    ("Lumen Health", "Product Lead", "Jan 2023", ""),
    ("Tidewater Labs", "Senior Product Manager", "Mar 2019", "Dec 2022"),
]
# (person, days before E created, days before E edited or None, note)
NOTES = [
    ("maya", 400, 120, "Met at the 2019 design offsite.\nAsk about the service design book."),
    ("tomas", 90, None, "Runs the Madrid product meetup; wants intros to PMs."),
]


def render_saved_jobs(era: Era) -> str:
    header = ["Saved Date", "Job Url", "Job Title", "Company Name"]
    rows = []
    for i, (day, time, title, company) in enumerate(SAVED_JOBS):
        d = at(era, day, time)
        h, ampm = h12(d)
        rows.append([f"{d.month}/{d.day}/{d.year % 100:02d}, {h}:{d.minute:02d} {ampm}",
                     f"https://www.linkedin.com/jobs/view/98765432{i}", title, company])
    return csv_text([header] + rows, eol=eol(era))


def render_positions(era: Era) -> str:
    header = ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]
    rows = [[company, title, "", "Utrecht, Netherlands", started, finished]
            for company, title, started, finished in POSITIONS]
    return csv_text([header] + rows, eol=eol(era))


def render_notes(era: Era) -> str:
    header = ["Connection First Name", "Connection Last Name", "Connection Profile URL", "Note",
              "Created On", "Edited On"]
    rows = []
    for key, created, edited, note in NOTES:
        p = era.P[key]
        stamp = lambda day: f"{at(era, day, (9, 30, 0)):%Y-%m-%d %H:%M:%S} UTC"
        rows.append([p.first, p.last, p.url, note, stamp(created),
                     "" if edited is None else stamp(edited)])
    return csv_text([header] + rows, eol=eol(era))


def render_era(era: Era, story: list[Conv]) -> dict[str, bytes]:
    convs = era_conversations(era, story)
    files = {
        "Profile.csv": render_profile(era),
        "Connections.csv": render_connections(era),
        "messages.csv": render_messages(era, convs),
        "Invitations.csv": render_invitations(era),
        "Endorsement_Received_Info.csv": render_endorsements(era, ENDORSEMENTS_RECEIVED, "Endorser"),
        "Endorsement_Given_Info.csv": render_endorsements(era, ENDORSEMENTS_GIVEN, "Endorsee"),
        "Recommendations_Received.csv": render_recommendations(era, RECOMMENDATIONS_RECEIVED),
        "Recommendations_Given.csv": render_recommendations(era, RECOMMENDATIONS_GIVEN),
        "Rich_Media.csv": render_rich_media(era),
    }
    if era.job_applications:
        files["Jobs/Job Applications.csv"] = render_job_applications(era)
    if era.plan_files:
        files["Jobs/Saved Jobs.csv"] = render_saved_jobs(era)
        files["Positions.csv"] = render_positions(era)
        files["Notes.csv"] = render_notes(era)
    if era.guide_messages:
        cols = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                "RECIPIENT PROFILE URLS", "DATE", "CONTENT", "FOLDER", "ATTACHMENTS"]
        files["guide_messages.csv"] = csv_text([cols], quote_all=True)
    bom = "\ufeff" if era.excel else ""
    return {name: (bom + text).encode("utf-8") for name, text in sorted(files.items())}


# --------------------------------------------------------------------------
# Later renderings: the same export taken months later, with planted changes
# --------------------------------------------------------------------------

# Days between a base export and its later rendering. The base story keeps its
# dates (it is LATER_SHIFT days older); later-only events below are given in
# days before the *later* export.
LATER_SHIFT = 151


def later_people() -> dict:
    p = dict(P)
    # A company change: Maya moved to Lumen Health, same title.
    p["maya"] = replace(P["maya"], company="Lumen Health")
    # A promotion at the same company.
    p["jonas"] = replace(P["jonas"], position="Director of Engineering")
    # Cosmetic rewords: not changes.
    p["priya"] = replace(P["priya"], position="Sr. Product Manager")
    p["kwame"] = replace(P["kwame"], company="Northwind Inc")
    p["aiko"] = replace(P["aiko"], position="Sr. Data Engineer, Platform and Infrastructure")
    p["sam_contoso"] = replace(P["sam_contoso"], company="Contoso Ltd.")
    # A changed profile link (only eras with URLs in Connections.csv show it).
    p["hannah"] = replace(P["hannah"], slug="hannah-schulz-design")
    # Lena accepted Avery's invitation.
    p["lena"] = replace(P["lena"], company="Verdant Energy", position="Product Manager")
    return p


# Rafael Costa is gone; Lena Fischer connected 20 days before the later export
# (days in the base frame: the later day minus LATER_SHIFT).
LATER_CONNECTIONS = tuple([c for c in CONNECTIONS if c[0] != "rafael"] +
                          [("lena", 20 - LATER_SHIFT)])

# (conversation, later day, time, sender, text). Jonas is rekindled; Priya and
# Elif stay in touch; Tomás gets no message and goes cold.
LATER_MESSAGES = [
    ("jonas", 40, (10, 12, 5), "jonas",
     "Avery! It's been far too long. Big news: I'm Director of Engineering at Brightline now."),
    ("jonas", 39, (18, 40, 51), OWNER,
     "Jonas, congratulations, that's wonderful! Call this week? I want to hear everything."),
    ("jonas", 25, (9, 5, 33), "jonas", "Great call yesterday. Let's not wait three years next time."),
    ("jonas", 24, (20, 14, 2), OWNER, "Deal. I'll visit Gothenburg in spring, promise."),
    ("jonas", 12, (11, 30, 0), "jonas", "Spring it is. I booked the ramen place for us already."),
    ("jonas", 12, (19, 2, 47), OWNER, "Ha, perfect. See you then!"),
    ("elif", 140, (8, 15, 9), OWNER,
     "Hi Elif, sorry for the slow reply! Happy to go through the summary, Tuesday?"),
    ("elif", 139, (12, 1, 44), "elif", "Tuesday is perfect, thank you!"),
    ("elif", 60, (16, 20, 18), "elif", "We published the study, you're in the acknowledgements."),
    ("elif", 58, (9, 44, 30), OWNER, "Lovely, congratulations to the whole team!"),
]
for _i, _d in enumerate(spread(150, 5, [18, 14, 21, 16, 19], 9)):
    LATER_MESSAGES.append(("priya", _d, clock(_i, 9), OWNER if _i % 2 == 0 else "priya",
                           pick(PRIYA_AVERY if _i % 2 == 0 else PRIYA_PRIYA, _i // 2 + 3)))

LATER_ERAS = [
    Era("2025-later", dt.date(2025, 11, 28),
        msg_columns=tuple(MSG_BASE_10 + ["IS MESSAGE DRAFT", "ATTACHMENTS"]),
        inv_urls=True, endorsement_urls=True, rec_date="short", job_applications=True,
        shift=LATER_SHIFT, people=later_people(), connections=LATER_CONNECTIONS),
    Era("2022-later", dt.date(2022, 10, 15), conn_url=False, msg_columns=tuple(MSG_BASE_9),
        shift=LATER_SHIFT, people=later_people(), connections=LATER_CONNECTIONS),
]
# Which base era each later rendering follows.
LATER_BASE = {"2025-later": "2025", "2022-later": "2022"}


def later_story(story: list[Conv]) -> list[Conv]:
    """The base story plus the later-only messages."""
    out = [Conv(c.key, c.participants, c.title, c.kind, c.draft_only, list(c.msgs)) for c in story]
    by_key = {c.key: c for c in out}
    for key, day, time, sender, text in LATER_MESSAGES:
        by_key[key].msgs.append(Msg(day - LATER_SHIFT, time, sender, text))
    return out


def expected_diff(later: Era) -> dict:
    """What `rekindle diff` must list from the base era to its later rendering."""
    new = later.P
    return {
        "old": LATER_BASE[later.key],
        "new": later.key,
        # deepest tie first: Maya (depth 90), then Jonas
        "job_changes": [[new["maya"].name, "new_company"], [new["jonas"].name, "new_role"]],
        "new_connections": [new["lena"].name],
        "removed_connections": [P["rafael"].name],
        # Without URLs in Connections.csv nobody can see Hannah's link change.
        "renamed_profiles": [new["hannah"].name] if later.conn_url else [],
        "rekindled": [new["jonas"].name],
        "gone_cold": [new["tomas"].name],
        # reworded cosmetically: never a job change
        "cosmetic": [new[k].name for k in ("priya", "kwame", "aiko", "sam_contoso")],
    }

# --------------------------------------------------------------------------
# Expected summary
# --------------------------------------------------------------------------


def expected_for(era: Era, story: list[Conv]) -> dict:
    convs = era_conversations(era, story)
    has_sender_url = "SENDER PROFILE URL" in era.msg_columns
    has_recip_urls = "RECIPIENT PROFILE URLS" in era.msg_columns

    def counted(include_spam: bool):
        """(messages, conversation keys) counted: non-draft, SPAM only on request."""
        msgs, keys = [], []
        for c in convs:
            for m in c.msgs:
                if m.draft or (m.folder == "SPAM" and not include_spam):
                    continue
                msgs.append((c, m))
                if c.key not in keys:
                    keys.append(c.key)
        return msgs, keys

    def people(msgs) -> int:
        # 1. every non-hidden connection row is a person
        conn_rows = [k for k, _ in CONNECTIONS if k is not None]
        persons = len(conn_rows)
        # 2. correspondents of counted messages (not sponsored, not LinkedIn Member),
        #    with the URL this era lets a reader see for them
        visible: dict[str, str] = {}
        for c, m in msgs:
            if c.kind in ("sponsored", "member"):
                continue
            for k in c.participants:
                if k == OWNER:
                    continue
                visible.setdefault(k, "")
                if P[k].url and ((k == m.sender and has_sender_url) or
                                 (k != m.sender and has_recip_urls)):
                    visible[k] = P[k].url
        # correspondents told apart by visible URL, else by name
        idents = {}
        for k, url in visible.items():
            idents.setdefault(url or "name:" + P[k].name, k)
        # 3. merge with a connection row by URL (both visible), else by a unique name
        for ident, k in idents.items():
            if era.conn_url and not ident.startswith("name:"):
                if any(P[c].url == ident for c in conn_rows):
                    continue
            else:
                if sum(P[c].name == P[k].name for c in conn_rows) == 1:
                    continue
            persons += 1
        return persons

    msgs, keys = counted(False)
    smsgs, skeys = counted(True)
    by_key = {c.key: c for c in convs}
    return {
        "export_name": era.export_name,
        "as_of": era.export_date.isoformat(),
        "owner": {"name": P[OWNER].name,
                  "profile_url": None if era.key == "2020" else P[OWNER].url},
        "connections": sum(1 for k, _ in CONNECTIONS if k is not None),
        "hidden_connections": sum(1 for k, _ in CONNECTIONS if k is None),
        "messages": len(msgs),
        "conversations": len(keys),
        "group_conversations": sum(1 for k in keys if by_key[k].is_group),
        "people": people(msgs),
        "invitations": len(INVITATIONS),
        "endorsements_received": len(ENDORSEMENTS_RECEIVED),
        "endorsements_given": len(ENDORSEMENTS_GIVEN),
        "recommendations_received": len(RECOMMENDATIONS_RECEIVED),
        "recommendations_given": len(RECOMMENDATIONS_GIVEN),
        "include_spam": {"messages": len(smsgs), "conversations": len(skeys),
                         "people": people(smsgs)},
        # Story-level judgements (see README): who went cold, who waits for a reply.
        "neglected_order": [P["maya"].name, P["jonas"].name],
        # Everyone who wrote last in a direct conversation, newest first: Elif
        # (20 days), Dana (120), Sam Lee's reply to Avery's thanks (600) and
        # Maya's last message before the silence (800).
        "unanswered_order": [P["elif"].name, P["dana"].name, "Sam Lee", P["maya"].name],
        "strongest_first": P["priya"].name,
    }


# --------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------

README = """\
# data-samples: one invented story, every export era

Everything in this folder is **invented** and generated by `generate.py`
(Python 3.11, stdlib only, deterministic). Do not edit the generated files by
hand; change the generator and run:

    python3 data-samples/generate.py

It deletes and rewrites its own output (`<era>/`, `zips/`, `expected.json`,
this README). Running it twice gives byte-identical files.

## The story

Owner **Avery Quinn** (`https://www.linkedin.com/in/avery-quinn-7c1e20`,
headline "Product lead"). Every event is defined in days before the export
date, so each era tells the same story shifted in time:

- **Maya Okonkwo-Reyes**: formerly close, ~52 messages every 15-28 days from
  1900 to 800 days before export, silent since. Avery recommended her; they
  endorsed each other; she is also in the "Book club" group with Noah Kim.
- **Jonas Lindqvist**: formerly close, 12 messages every ~4 months (1800 to 700
  days). Where a draft column exists, an unsent draft to him at day 100.
- **Priya Raman**: close and current, ~80 messages from day 1500 to day 10;
  endorses Avery twice, recommends Avery, in the "Q3 planning" group.
- **Tomás Álvarez**: current, monthly, day 400 to 30.
- **Elif Demir**: 6 messages (day 200-100), then one from her at day 20 that
  Avery never answered.
- **Dana Whitfield** (recruiter, not a connection): 5 unanswered messages.
- **Jane Doe, Ph.D.** (last name `Doe, Ph.D.`): only in the "Q3 planning"
  group, so group `TO` cells have more `", "` than people.
- Two connections named **Sam Lee** (Contoso Ltd, Fabrikam); only the Contoso
  one exchanged two messages. **Zoë Brennan** has a percent-encoded URL.
- Five never-messaged connections (one company `Northwind, Inc.`, one position
  with a newline), two hidden-profile rows with only a date.
- Noise: a sponsored InMail (Northwind Careers, spinmail HTML, `%FIRSTNAME%`,
  has a conversation title but is not a group), a `LinkedIn Member` message,
  two SPAM messages, a draft-only conversation to Lena Fischer (draft eras
  only), two invitations (to Lena with a note, from Omar Haddad), and files a
  reader must ignore (`Rich_Media.csv`, `Jobs/Job Applications.csv`,
  header-only `guide_messages.csv` in 2026).

Expected reading: neglected (most first) Maya, then Jonas; unanswered Elif,
then Dana; strongest current tie Priya.

## Eras

| era | export | Connections.csv | messages.csv | other |
|---|---|---|---|---|
{era_rows}

Every era also has Profile.csv, Invitations.csv, Endorsement_Received_Info.csv,
Endorsement_Given_Info.csv, Recommendations_Received.csv,
Recommendations_Given.csv and Rich_Media.csv. `zips/` holds each export as a
zip with the files at its root, named `<ExportName>.zip`; the Excel copy of
2022 shares its export name with 2022, so its zip is
`Complete_LinkedInDataExport_05-17-2022_excel.zip`.

## expected.json

Per era: `connections` (non-hidden rows), `hidden_connections`, `messages`
(non-draft rows outside SPAM, sponsored and `LinkedIn Member` included),
`conversations` (distinct conversations among those), `group_conversations`,
`people`, counts of invitations, endorsements and recommendations,
`include_spam` (the same three counts with SPAM included), and the story-level
expectations `neglected_order`, `unanswered_order`, `strongest_first`.

**`people` rule.** Persons other than the owner:

1. every non-hidden Connections row is one person;
2. plus every correspondent of a counted message, except sponsored senders,
   `LinkedIn Member`, SPAM senders (unless spam is included), draft-only
   recipients and invitation-only people. Correspondents are told apart by
   the profile URL the era shows for them (sender URL column, recipient URL
   column), else by name;
3. a correspondent is the same person as a connection row when their URLs
   match (possible only from 2023-mid, when Connections.csv has URLs); when
   Connections.csv has no URL column, when the full name matches exactly one
   connection row. Otherwise the correspondent is a separate person.

So from 2023-mid on: 14 connections + Dana + Noah = 16. Before that the
messaging Sam Lee cannot be tied to either Sam Lee row and counts as a third
Sam: 17. With spam included, Crypto Deals adds one.

## Later renderings, for `rekindle diff`

`2025-later/Complete_LinkedInDataExport_11-28-2025` is the 2025 export taken
151 days later, and `2022-later/Complete_LinkedInDataExport_10-15-2022` the
same for 2022 (no URLs in Connections.csv). The story keeps its dates; what
happened since: Maya moved to Lumen Health (a company change); Jonas became
Director of Engineering at Brightline (a promotion) and wrote again (rekindled);
Priya and Elif kept writing; Tomás did not (gone cold); cosmetic rewords only
for Priya (`Sr. Product Manager`), Kwame (`Northwind Inc`), Aiko and the
Contoso Sam Lee (`Contoso Ltd.`); Hannah's profile link changed (invisible
without URLs); Lena accepted Avery's invitation (new) and Rafael is gone.
They are based on 2025, not 2026, because a tie needs more than 90 silent days
to go cold, and 2026's export is too recent for that.
`diff-expected.json` lists, per pair, what a diff must report. These exports
are not in `expected.json`, whose eras all tell the unchanged story.
"""


def era_row(era: Era) -> str:
    conn = ("preamble" if era.conn_preamble else "no preamble") + \
           (", URL" if era.conn_url else ", no URL") + \
           (", `8-Feb-22` dates" if era.excel else "")
    msg = f"{len(era.msg_columns)} cols: `{','.join(era.msg_columns)}`"
    if era.msg_quote_all:
        msg += ", all fields quoted, some CRLF inside CONTENT"
    other = []
    other.append("Invitations 7 cols" if era.inv_urls else "Invitations 5 cols")
    other.append("endorsement URLs" if era.endorsement_urls else "no endorsement URLs")
    other.append({"long": "rec. date `08/30/22, 05:51 PM`", "short": "rec. date `01/01/24`",
                  "month": "rec. date `Jan 2024`"}[era.rec_date])
    if era.excel:
        other.append("Excel re-save: BOM, CRLF")
    if era.basic:
        other.append("Basic archive")
    return f"| {era.key} | `{era.export_name}` | {conn} | {msg} | {'; '.join(other)} |"


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def write_zip(path: Path, era: Era, files: dict[str, bytes]) -> None:
    stamp = (era.export_date.year, era.export_date.month, era.export_date.day, 0, 0, 0)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            zf.writestr(info, data)


def main() -> None:
    story = build_story()
    # delete our own previous output
    for era in ERAS + LATER_ERAS:
        shutil.rmtree(HERE / era.key, ignore_errors=True)
    shutil.rmtree(HERE / "zips", ignore_errors=True)
    (HERE / "zips").mkdir()

    expected = {}
    for era in ERAS:
        files = render_era(era, story)
        root = HERE / era.key / era.export_name
        for name, data in files.items():
            out = root / name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)
        write_zip(HERE / "zips" / era.zip_name, era, files)
        expected[era.key] = expected_for(era, story)
    diffs = {}
    for era in LATER_ERAS:
        files = render_era(era, later_story(story))
        root = HERE / era.key / era.export_name
        for name, data in files.items():
            out = root / name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)
        write_zip(HERE / "zips" / era.zip_name, era, files)
        diffs[f"{LATER_BASE[era.key]} -> {era.key}"] = expected_diff(era)
    (HERE / "diff-expected.json").write_text(
        json.dumps(diffs, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    (HERE / "expected.json").write_text(
        json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (HERE / "README.md").write_text(
        README.replace("{era_rows}", "\n".join(era_row(e) for e in ERAS)), encoding="utf-8")


if __name__ == "__main__":
    main()
