#!/usr/bin/env python3
"""Rebuild tests/gold/events/random_dev.jsonl and random_heldout.jsonl (and,
with --sample, random2_heldout.jsonl / random3_dev.jsonl /
random4_dev.jsonl + random4_heldout.jsonl /
random5_dev.jsonl + random5_heldout.jsonl /
random6_dev.jsonl + random6_heldout.jsonl): a random-sample event gold over
ordinary SaudiNewsNet body text.

Unlike gold.jsonl (event-dense lead sentences picked by the coder's author),
the sentences here are drawn by a fixed, seeded procedure, so the figures
estimate what a user meets on ordinary article text, sentences with no event
included:

1. every article of every zip in ../shared/data/news/saudinewsnet/dataset/
   (zips in name order, articles in array order; 27,644 articles), minus the
   articles already in gold.jsonl / heldout.jsonl;
2. `random.Random(SEED)` draws an article uniformly; its `content` is cut
   into sentences by `sentences()` below (a run of text ending at . ! ? ؟ or
   a line break); sentences of fewer than MIN_WORDS or more than MAX_WORDS
   words (bylines, headings, unpunctuated run-on paragraphs) are dropped and
   one of the rest is drawn uniformly (an article with none is redrawn);
3. N sentences are drawn (one per article); draw k goes to random_dev.jsonl
   when k is even, to random_heldout.jsonl when k is odd.

The events of each sentence (ANN below, keyed by draw number) were coded
blind — from the sentence and its article, before rasd's output for it was
looked at — following the PLOVER manual and the rules in README.md.
Only locators, hashes, the sentence window (`from`/`upto`, code points) and
the trigger words are written (SaudiNewsNet is CC BY-NC-SA).

A second, independent sample (`--sample random2`, SAMPLES below) uses the
same procedure with its own seed (20261201) and size (80 draws), excludes the
articles of every earlier gold file (gold.jsonl, heldout.jsonl,
random_dev.jsonl, random_heldout.jsonl, by locator and by identical
`content`, since SaudiNewsNet repeats some articles across zips), and
writes every draw to random2_heldout.jsonl (held-out only: never used to
change a rule). Its events (ANN2) were coded blind in the same way.

A third sample (`--sample random3`: seed 20261202, 120 draws) excludes the
articles of every earlier gold file (the four above and
random2_heldout.jsonl, by locator and by identical `content`) and writes
every draw to random3_dev.jsonl — a development split: it may be read to fix
rules. Its events (ANN3) were coded blind and committed before rasd was run
on the sentences.

A fourth sample (`--sample random4`: seed 20261203, 200 draws) excludes the
articles of every earlier gold file (the five above and random3_dev.jsonl,
by locator and by identical `content`) and is split like the first sample:
draw k goes to random4_dev.jsonl when k is even (a development split) and to
random4_heldout.jsonl when k is odd (held-out: never used to change a rule).
Its events (ANN4) were coded blind and committed before rasd was run on the
sentences.

A fifth sample (`--sample random5`: seed 20261204, 200 draws) excludes the
articles of every earlier gold file (the six above, random4_dev.jsonl and
random4_heldout.jsonl, by locator and by identical `content`) and is split
like the fourth: draw k goes to random5_dev.jsonl when k is even (a
development split) and to random5_heldout.jsonl when k is odd (held-out:
never used to change a rule). Its events (ANN5) were coded blind and
committed before rasd was run on the sentences.

A sixth sample (`--sample random6`: seed 20261205, 200 draws) excludes the
articles of every earlier gold file (the eight above, random5_dev.jsonl and
random5_heldout.jsonl, by locator and by identical `content`) and is split
like the fifth: draw k goes to random6_dev.jsonl when k is even (a
development split) and to random6_heldout.jsonl when k is odd (held-out:
never used to change a rule). Its events (ANN6) were coded blind and
committed before rasd was run on the sentences.

Usage (from the repository root):
  python3 tests/gold/events/build_random.py ../shared          # write the gold
  python3 tests/gold/events/build_random.py ../shared --show   # print the draws (for annotating; never commit)
  python3 tests/gold/events/build_random.py ../shared --sample random2 [--show]
  python3 tests/gold/events/build_random.py ../shared --sample random3 [--show]
  python3 tests/gold/events/build_random.py ../shared --sample random4 [--show]
  python3 tests/gold/events/build_random.py ../shared --sample random5 [--show]
  python3 tests/gold/events/build_random.py ../shared --sample random6 [--show]
"""
import hashlib
import json
import random
import re
import sys
import zipfile
from pathlib import Path

SHARED = Path(sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "../shared")
HERE = Path(__file__).parent
SEED = 20261130
N = 60
MIN_WORDS = 5
MAX_WORDS = 80

# draw number -> events of the sentence, each (type, mode, aux, trigger text,
# occurrence of that text within the sentence, actor codes)
ANN = {
    0: [], 1: [], 2: [],
    3: [("AGREE", None, None, "المحادثات", 0, ["AFGGOV"])],  # talks scheduled: a future meeting
    4: [],
    5: [("ACCUSE", "disapprove", None, "انتقادات", 0, [])],
    6: [("REJECT", None, None, "رفض", 0, ["SAUGOV"])],  # a minister refuses to answer reporters
    7: [], 8: [], 9: [], 10: [], 11: [], 12: [], 13: [], 14: [],
    15: [("CONSULT", None, None, "بحث", 0, ["SAUGOV"])],
    16: [], 17: [], 18: [], 19: [],
    20: [
        ("CONSULT", None, None, "النقاش", 0, []),
        ("AGREE", None, None, "اتُّفق", 0, []),  # a meeting agreed for next month
    ],
    21: [("SUPPORT", None, None, "الشكر", 0, ["SAUGOV"])],  # commends an actor's action
    22: [], 23: [], 24: [], 25: [],
    26: [("ASSAULT", "suicide-attack", "historical", "فجرت", 0, [])],
    27: [], 28: [],
    29: [
        ("CONSULT", None, None, "استقباله", 0, []),
        ("REQUEST", None, None, "حث", 0, ["SAUGOV"]),
    ],
    30: [("ASSAULT", None, None, "المواجهات", 0, [])],  # an official touring a city is no visit
    31: [("CONSULT", "visit", None, "الزيارة", 0, ["SYRGOV"])],
    32: [], 33: [],
    34: [("ACCUSE", "allege", "future", "سيحاكم", 0, [])],  # bring to trial
    35: [
        ("ACCUSE", "disapprove", None, "ووصف", 0, ["SAUGOV"]),
        ("ASSAULT", "explosives", None, "التفجير", 0, []),
    ],
    36: [], 37: [], 38: [],
    39: [("AID", None, None, "البرامج الإنسانية", 0, ["SAUGOV"])],
    40: [], 41: [],
    42: [],  # an official visiting an orphanage, praising an idea: no political event
    43: [],
    44: [
        ("ACCUSE", "disapprove", None, "الانتقادات", 0, ["USALEG"]),
        ("ACCUSE", "disapprove", None, "هجوما", 0, ["USALEG"]),
        ("ACCUSE", "allege", None, "وشكك", 0, ["USALEG"]),
    ],
    45: [], 46: [],
    47: [],  # a cultural society's director rejects critics' view: no political event
    48: [], 49: [],
    50: [("SUPPORT", None, None, "تهنئة", 0, ["SAUGOV"])],
    51: [],  # a football coach resigns: no official
    52: [
        ("THREATEN", "violence", None, "توعدت", 0, []),
        ("REQUEST", None, None, "ودعت", 0, []),
    ],
    53: [
        ("COERCE", None, None, "اقتحم", 0, []),  # armed men burst into a meeting
        ("REQUEST", None, None, "تدعو", 0, []),
    ],
    54: [("CONSULT", None, None, "اللقاء", 0, ["SAUGOV"])],
    55: [("REQUEST", None, None, "ضرورة", 0, ["IRQLEG"])],  # stressed the need for a conference
    56: [], 57: [], 58: [], 59: [],
}


# second sample (--sample random2): draw number -> events, as ANN
ANN2 = {
    0: [], 1: [],
    2: [("ACCUSE", "disapprove", None, "واستنكر", 0, [])],  # tweeters denounce a statement
    3: [],  # an official touring a festival site: no visit
    4: [],
    5: [("REJECT", None, None, "منعت", 0, ["IDNGOV"])],  # barring entry is REJECT (manual 3.10)
    6: [], 7: [],
    8: [("ACCUSE", "investigate", None, "بالتحقيق", 0, ["SOMCOP"])],
    9: [], 10: [], 11: [],
    12: [("AID", None, None, "المواد الطبية", 0, ["SAUGOV"])],  # relief delivered to Yemen
    13: [], 14: [], 15: [],  # a yearly total of fines: no single event
    16: [],  # a club and the football federation: sport
    17: [],
    18: [("REQUEST", None, None, "وتدعو", 0, ["SAUGOV"])],  # a ministry calls on property owners
    19: [("ASSAULT", "aerial", None, "غارات", 0, [])],
    20: [], 21: [],
    22: [("ASSAULT", "heavy-weapons", None, "دكت", 0, ["SAUMIL"])],  # artillery
    23: [], 24: [], 25: [], 26: [], 27: [],
    28: [("SUPPORT", None, None, "وقع", 0, [])],  # signing a memorandum (manual 3.3)
    29: [],  # friends visiting a sick colleague
    30: [("ASSAULT", "firearms", None, "قتل", 0, [])],  # the killing in the clashes: one event
    31: [],
    32: [],  # a past royal approval of a training programme: background
    33: [],
    34: [],  # an Olympic host vote: sport
    35: [("SUPPORT", None, None, "التهنئة", 0, ["SAUGOV"])],  # official (Eid) congratulations
    36: [], 37: [],
    38: [("SUPPORT", None, None, "وأثنى", 0, [])],  # commends a health directorate
    39: [],  # inviting visitors to an exhibition
    40: [],  # a dean urging his own admitted trainees: internal
    41: [], 42: [], 43: [], 44: [],
    45: [],  # a football club president resigns: sport
    46: [], 47: [], 48: [], 49: [], 50: [],
    51: [("AID", None, None, "المعونة", 0, ["SAUGOV"])],
    52: [], 53: [], 54: [],
    55: [("COERCE", "arrest", None, "القبض", 0, ["EGYCOP"])],
    56: [], 57: [], 58: [], 59: [],
    60: [
        ("COERCE", "arrest", None, "القبض", 0, ["BHRCOP"]),
        ("AID", None, None, "تدريبات", 0, ["IRNMIL"]),  # military training by the IRGC
    ],
    61: [], 62: [], 63: [], 64: [],
    65: [],  # a club president's Eid greetings to his club
    66: [],  # road barriers after residents' complaints: no political event
    67: [], 68: [], 69: [], 70: [],
    71: [("COERCE", None, None, "أحبطت", 0, ["SAUCOP"])],  # security forces foiled a bombing
    72: [], 73: [],
    74: [
        ("AID", None, None, "وجّه", 0, ["SAUGOV"]),  # martyrs' benefits to Emirati soldiers
        ("ASSAULT", None, None, "استشهدوا", 0, []),
    ],
    75: [],  # the consequences of lifting sanctions: analysis
    76: [("AGREE", None, None, "محادثات", 0, [])],  # future talks
    77: [],
    78: [("COERCE", "arrest", None, "ضبط", 0, ["SAUCOP"])],
    79: [],  # a denial of a rumour: a statement
}

# third sample (--sample random3, a development split): draw number -> events, as ANN
ANN3 = {
    0: [], 1: [],  # a traders' forum hosted in December: business, no political meeting
    2: [], 3: [],
    4: [],  # a minister joined a party in 1974: no PLOVER event
    5: [],  # an election support team's own first meeting: internal
    6: [],  # a president pledges to host a World Cup: sport
    7: [], 8: [],
    9: [("COERCE", "seize", None, "ضبط", 0, ["SAUGOV"])],  # a municipality seizes a van, confiscates food
    10: [], 11: [], 12: [], 13: [], 14: [], 15: [],
    16: [],  # "stressed the importance of" regional policies: a statement, no demand
    17: [], 18: [], 19: [], 20: [],
    21: [],  # a president's assessment of two states: a statement
    22: [],  # an opinion piece on sanctions relief
    23: [], 24: [], 25: [], 26: [], 27: [], 28: [],
    29: [("COERCE", None, "future", "بوقف", 0, ["PAKGOV"])],  # BlackBerry services cut from 30 November
    30: [],
    31: [("ASSAULT", None, "historical", "هجمات", 0, ["IMGREB"])],  # an al-Qaeda leader's past attacks
    32: [],  # an opinion column alluding to a bombing, no reported act
    33: [],  # officials touring an exhibition: no visit
    34: [],
    35: [],  # an official's Eid visit to care-home residents: no political recipient
    36: [],  # a rebel leader explains a defeat: a statement
    37: [],
    38: [
        ("ACCUSE", "disapprove", None, "واعتبر", 0, ["PSESOC"]),  # calls the killing Israeli state terrorism
        ("ASSAULT", "primitive", None, "حرق", 0, ["ISRCVL"]),  # settlers burning a child
    ],
    39: [],
    40: [("AGREE", None, None, "التزامهما", 0, ["GBRGOV", "FRAGOV"])],  # commitment to keep working together
    41: [],
    42: [("SUPPORT", None, None, "تهنئة", 0, ["SAUGOV"])],  # the King congratulates Niger's president
    43: [
        ("AGREE", None, None, "وافقت", 0, ["IRNGOV"]),  # Iran agreed to limit its programme
        ("REJECT", None, None, "رفض", 0, ["USALEG"]),  # Republicans in Congress reject the deal
    ],
    44: [],  # a delegation touring a railway project
    45: [],  # a passports director thanks and urges his own staff: internal
    46: [("ACCUSE", "allege", "future", "المثول", 0, ["CHECOP"])],  # will have to appear before a court
    47: [], 48: [], 49: [], 50: [],
    51: [
        ("AGREE", None, None, "اتفق", 0, ["EGYGOV", "UKRGOV"]),  # cotton for wheat
        ("CONSULT", "visit", None, "يزور", 0, ["UKRGOV"]),  # the Ukrainian minister visiting Egypt
    ],
    52: [("ASSAULT", "destroy", None, "لتدمير", 0, ["PAKGOV"])],  # bulldozers demolish a slum (manual 3.16)
    53: [], 54: [], 55: [], 56: [], 57: [],
    58: [],  # a movement denies a report of talks: a statement
    59: [], 60: [], 61: [], 62: [], 63: [],
    64: [],  # a state repays its debt: economic
    65: [], 66: [], 67: [], 68: [], 69: [], 70: [], 71: [],
    72: [],  # three months' total of arrested violators: no single event
    73: [],
    74: [
        ("REQUEST", None, None, "وطلب", 0, ["SAUGOV"]),  # the embassy asks the Omani authorities
        ("COERCE", "arrest", None, "التحفظ", 0, ["OMNGOV"]),
        ("ACCUSE", "investigate", None, "التحقيقات", 0, ["OMNGOV"]),
    ],
    75: [], 76: [], 77: [],
    78: [("COERCE", None, None, "فرض", 0, ["IMGREB"])],  # ISIS imposes levies on residents
    79: [("REJECT", None, None, "يوافق", 0, ["SAULEG"])],  # the Shura Council did not approve an agreement
    80: [],
    81: [("ACCUSE", "disapprove", None, "لعنة", 0, ["SAUREL"])],  # a cleric curses the bombers
    82: [],  # emergency teams alerted for rain: routine, no political event
    83: [],
    84: [],  # a president's own official reporting to a meeting: internal
    85: [],
    86: [],  # unattributed talk of diplomacy by unnamed states
    87: [], 88: [],
    89: [
        ("ASSAULT", "targeted", None, "القصاص", 0, ["SAUGOV"]),  # an execution (manual 3.16 targeted)
        ("ASSAULT", "firearms", "historical", "قتل", 0, ["SAUCRM"]),  # the murder
        ("COERCE", "arrest", "historical", "القبض", 0, ["SAUCOP"]),
        ("SANCTION", "convict", "historical", "والحكم", 0, ["SAUJUD"]),  # (no ACCUSE beside a conviction)
    ],
    90: [],
    91: [],  # an official meets the doctors treating an employee
    92: [("CONCEDE", None, None, "ستتوقف", 0, ["SAUMIL"])],  # the coalition declares a truce (manual 3.4)
    93: [],
    94: [
        ("SANCTION", "convict", None, "حكما", 0, ["MMRJUD"]),  # a prison sentence
        ("SANCTION", "convict", None, "حكمت", 0, ["MMRJUD"]),  # two more defendants sentenced
    ],
    95: [],
    96: [("AID", None, None, "منحت", 0, ["SAUGOV"])],  # vaccines for the Burmese community
    97: [],  # civil defence rescuing people trapped by an accident: routine
    98: [], 99: [], 100: [], 101: [],
    102: [],  # an honorary member urging a club's players: sport
    103: [],  # a victim of an earlier arson dies: a death, no act
    104: [], 105: [], 106: [], 107: [],
    108: [],  # a legal consultant's opinion that a law is needed
    109: [], 110: [], 111: [], 112: [], 113: [], 114: [], 115: [],
    116: [("PROTEST", "strike", None, "الإضراب", 0, ["NPLPTY", "NPLOPP"])],  # called by the Maoist party
    117: [],
    118: [],  # an investor's complaint about a sector
    119: [],
}

# fourth sample (--sample random4: even draws a development split, odd draws
# held-out): draw number -> events, as ANN
ANN4 = {
    0: [], 1: [],
    2: [],  # a club's fans and its coach: sport
    3: [],  # a divorce dispute
    4: [],  # imported food shipments refused at the ports: routine inspection, no political actor
    5: [], 6: [], 7: [],
    8: [("ACCUSE", "disapprove", None, "اعتداء آثم", 0, ["SAUREL"])],  # a senior cleric condemns the bombing (the bombing itself only referred to)
    9: [("ASSAULT", "explosives", None, "انفجار", 0, [])],  # car bomb; the attacker is not named
    10: [],  # an electrical fire
    11: [],  # an opinion column on Iran's intentions
    12: [("CONSULT", "phone", None, "اتصالا هاتفيا", 0, ["FRAGOV", "SAUGOV"])],  # Hollande calls the King (renewed welcome: a courtesy)
    13: [], 14: [],  # opinion columns
    15: [],
    16: [],  # condolences
    17: [],  # Eid visits and gifts to patients; a Red Crescent rescue in a relative clause
    18: [], 19: [],
    20: [("SUPPORT", None, None, "ونوه", 0, ["SAUGOV"])],  # a governor commends citizens' response (the attack only dates it)
    21: [
        ("ACCUSE", "investigate", None, "التحقيق", 0, ["SAUCOP"]),
        ("COERCE", None, None, "إغلاق", 0, ["SAUCOP"]),  # the same police closed the station (a citizen's report to them is not coded)
    ],
    22: [],  # an opinion column: the liberation of Aden as the cause of joy
    23: [],  # football federations: sport
    24: [],
    25: [],  # government offices greet their own staff for Eid: internal
    26: [],
    27: [],  # parties to intensify their own meetings: internal
    28: [],  # an official explains the range of environmental fines: no single act
    29: [],
    30: [
        ("ACCUSE", "disapprove", None, "لا يمت إلى الإسلام بصلة", 0, ["SAUREL"]),  # the senior scholars' statement condemns the attackers
        ("ASSAULT", None, None, "يقتلون", 0, []),  # the mosque attack on security men (the caliphs' murders: ancient history, not coded)
    ],
    31: [],  # a ministry denies a rumour: a statement
    32: [],
    33: [], 34: [],
    35: [
        ("CONSULT", None, None, "مباحثات", 0, ["SAUGOV", "EGYGOV"]),  # the Saudi-Egyptian Cairo talks
        ("AGREE", None, None, "والاتفاق", 0, ["SAUGOV", "EGYGOV"]),  # agreement to approve the joint Arab force
    ],  # the next Arab ministers' meeting is only the object of a forecast: not coded
    36: [("ACCUSE", "disapprove", None, "عدم قبول", 0, ["SAUGOV"])],  # a municipality disapproves a comedian's act (one citizen walking out is not coded)
    37: [],  # an opinion column quoting a headline
    38: [],
    39: [("ASSAULT", None, None, "القضاء", 0, ["IRQMIL"])],  # 10 attackers killed; their attempted attack is the same clash
    40: [],
    41: [],  # football
    42: [],  # rescuers at a train accident: routine
    43: [], 44: [],
    45: [],  # a minister on the prime minister's priorities (his return to Aden only dates them)
    46: [],  # a league "supports every effort" for media charters: support of an idea
    47: [],
    48: [],  # an official urging job candidates: administrative
    49: [],
    50: [],  # a governor to open a festival: ceremonial
    51: [],
    52: [],  # the Council of Ministers approves beach-leasing rules: domestic regulation
    53: [], 54: [],
    55: [("ACCUSE", "investigate", None, "للتحقيق", 0, ["SAUGOV"])],  # a minister forms a committee to investigate an admission (condolences: a courtesy)
    56: [],  # totals of refused food
    57: [], 58: [],
    59: [],  # "stressed the importance of" forming a monitoring team: a statement, no demand
    60: [],
    61: [("RETREAT", "resign", "historical", "استقالة", 0, ["USAGOV"])],  # "on this day": Nixon resigns
    62: [],  # football
    63: [], 64: [], 65: [],
    66: [],  # fans welcome a football team
    67: [
        ("ASSAULT", None, None, "قتل", 0, ["IMGREB"]),  # an IS member killed his father
        ("ASSAULT", None, None, "قتل", 1, ["IMGREB"]),  # another killed his uncle
    ],
    68: [],
    69: [],  # an IS leader's past role (combat, smuggling) described: background
    70: [],
    71: [],  # an opinion column on the Arab order
    72: [],  # a traffic accident
    73: [],
    74: [],  # a club's negotiations with a player: sport
    75: [("REJECT", None, None, "رفض", 0, ["AFG"])],  # Mullah Omar's family refuses allegiance to the new Taliban leader
    76: [],  # an official thanks his own leadership: a courtesy (the aid only in a relative clause)
    77: [("COERCE", None, None, "فككت", 0, ["TUNCOP"])],  # a cell dismantled (tightened security and the resort attack: subordinate background)
    78: [],
    79: [],  # a university head's Eid speech to his staff: internal
    80: [], 81: [],  # a suicide found during an investigation: no act by another
    82: [], 83: [],
    84: [],  # football
    85: [],
    86: [("AGREE", None, None, "تعهد", 0, ["GRCGOV"])],  # a prime minister pledges banks will not foreclose homes (parliament's coming vote: legislative routine)
    87: [],  # the agenda of a meeting announced in the previous sentence
    88: [],
    89: [],  # a shark attack
    90: [],  # football
    91: [], 92: [], 93: [], 94: [], 95: [], 96: [],
    97: [],  # a sub-heading blaming the deposed president, no speaker: opinion
    98: [], 99: [],
    100: [],
    101: [],  # health officials supervise the evacuation of accident victims: routine
    102: [], 103: [], 104: [],
    105: [],  # a company visits patients and is honoured by their society
    106: [],
    107: [("ASSAULT", None, None, "مقاومة", 0, ["YEMREB", "YEMMIL"])],  # fighting for Aden (the earlier "liberation" announcement only dates it)
    108: [],  # history of a movement's organisation
    109: [("PROTEST", "obstruct", None, "قطع", 0, ["BRACVL"])],  # taxi drivers block streets against Uber
    110: [], 111: [], 112: [], 113: [],
    114: [],  # an opinion column on a reported embezzlement
    115: [],  # the mandate of a team in a draft resolution (the vote is in the lead)
    116: [], 117: [], 118: [], 119: [],
    120: [],  # Obama defends the Iran deal: statements (the deal's terms, critics' view)
    121: [],
    122: [],  # football
    123: [], 124: [],
    125: [],
    126: [],  # a ministry opens early-retirement requests after complaints: administrative
    127: [], 128: [], 129: [], 130: [], 131: [],
    132: [],  # an opinion column mourning security men (the bombing in a relative clause)
    133: [("ASSAULT", "heavy-weapons", None, "بتدمير", 0, ["SAUMIL"])],  # tank artillery and rocket launchers; the militias' attempted infiltration is the same clash
    134: [("REQUEST", None, None, "مطالبين", 0, ["SAUCVL"])],  # residents ask the minister to intervene and investigate
    135: [], 136: [],
    137: [],  # football
    138: [], 139: [],
    140: [("ACCUSE", "allege", None, "تتهم", 0, ["EGYCVL"])],  # a woman's report accusing her son-in-law of plotting bombings
    141: [("ACCUSE", "investigate", None, "التحقيقات", 0, ["SAUGOV"])],  # a health directorate's investigation (the managers' dismissal: internal)
    142: [], 143: [],
    144: [],  # the African Union's standing deployment in Somalia: background
    145: [], 146: [],
    147: [],  # FIFA: sport
    148: [],  # an air show at a festival
    149: [],
    150: [],  # an opinion column on an investigating committee
    151: [],
    152: [("THREATEN", None, None, "للعقوبات", 0, [])],  # diplomatic sources: the Tripoli congress must sign or face sanctions (its refusal: a relative-clause epithet)
    153: [],  # an opinion column on a joint statement
    154: [],  # an obituary
    155: [("SUPPORT", None, None, "شكرهم", 0, ["SAUEDU"])],  # scholarship students thank the deputy crown prince for his initiative
    156: [],
    157: [],  # municipal-election awareness campaign: administrative
    158: [],
    159: [],  # a restored ceremonial gift handed back to the UN and unveiled: ceremonial
    160: [],  # sport
    161: [],  # a ministry's Eid party for its staff: internal
    162: [], 163: [], 164: [],
    165: [("COERCE", "seize", None, "أتلفت", 0, ["SAUGOV"])],  # a municipality destroys spoiled sweets in campaigns on street vendors
    166: [], 167: [],
    168: [],  # football
    169: [("ASSAULT", "heavy-weapons", None, "سقوط مقذوف", 0, [])],  # a projectile from Yemen hits a house in Najran
    170: [("COERCE", None, None, "عملية واسعة", 0, [])],  # a manhunt launched for the attackers (who launched it is not said)
    171: [],  # participants of a technical tourism-security forum
    172: [],  # football referees
    173: [],
    174: [],  # a club's committees
    175: [],  # football
    176: [],  # Eid greetings with troops: a courtesy
    177: [("ASSAULT", None, None, "مقتل", 0, [])],  # the news link repeats the headline: 70 rebels killed or wounded
    178: [],
    179: [("CONSULT", "visit", None, "ناقش", 0, ["USAGOV"])],  # Carter meets the deputy crown prince in his Jeddah office (the visitor is the actor)
    180: [], 181: [],
    182: [],  # football
    183: [],
    184: [("SUPPORT", None, None, "تهنئة", 0, ["SAUGOV"])],  # official congratulations
    185: [],
    186: [("ACCUSE", "allege", None, "اتهام", 0, ["ARGCVL"])],  # Maradona's embezzlement charge against his ex-wife in court
    187: [],  # football
    188: [],  # the airport's closure and Aden's liberation only date the reopening
    189: [],  # police find a caller is wanted: background (the arrest is in the title)
    190: [], 191: [],
    192: [],  # a chamber committee's recommendations and planned visits to banks: business
    193: [],
    194: [],  # a chamber's open meeting with an agency director: business
    195: [], 196: [], 197: [],
    198: [],  # yearly totals of children arrested: no single event
    199: [],  # municipal staff exchange Eid greetings: internal
}

# fifth sample (--sample random5: even draws a development split, odd draws
# held-out): draw number -> events, as ANN
ANN5 = {
    0: [("REQUEST", None, None, "ودعا", 0, ["TUNPTY"])],  # Ennahda's shura council calls on the government to vet appointees
    1: [], 2: [],
    3: [
        ("ACCUSE", "disapprove", None, "استنكاره", 0, ["SAUGOV"]),  # a governor condemns the mosque bombing
        ("ASSAULT", None, None, "وأزهقت", 0, []),  # the killing told in his words (as random4 draw 30)
    ],
    4: [],  # animal-rights groups back a plan: support of an idea
    5: [], 6: [], 7: [], 8: [],
    9: [("CONSULT", "visit", None, "بزيارة", 0, ["IGO"])],  # the UN humanitarian coordinator visits Aden (its liberation only dates it)
    10: [], 11: [],
    12: [("ASSAULT", None, None, "بإلقاء", 0, ["EGYCVL"])],  # a father throws his baby from the fourth floor (Alexandria; CAMEO 1823 kill by physical assault)
    13: [],  # the Taliban's ouster and the US-led invasion only date Omar's flight
    14: [], 15: [],
    16: [],  # a condolence visit
    17: [], 18: [],  # opinion columns
    19: [], 20: [],  # a fire put out
    21: [], 22: [],  # a suicide reported to the police; a missing girl found: routine
    23: [], 24: [], 25: [],
    26: [("ASSAULT", "aerial", None, "غارات", 0, ["IRQMIL"])],  # army helicopters and fighter jets east of Ramadi
    27: [],
    28: [],  # a cumulative death toll since the clashes broke out: a tally, no single event
    29: [],
    30: [],  # about 150 arrested and 15 charged since June: a tally of arrests
    31: [], 32: [],
    33: [],  # a condolence call
    34: [],
    35: [("CONSULT", "phone", None, "اتصالاً هاتفيًا", 0, ["YEMGOV", "SAUGOV"])],  # Hadi calls the deputy crown prince
    36: [],
    37: [],  # an opinion column on extremists' fatwas
    38: [("REQUEST", None, None, "على المواطنين", 0, ["SAUGOV"])],  # the Interior Ministry tells citizens not to deal with persons of unknown identity
    39: [], 40: [], 41: [],
    42: [],  # a ministry's workshop with its own contractors: internal
    43: [],  # a denial: a statement
    44: [],  # in a quote: the Security Council's past listing and sanctions only give the reason Saleh is accountable
    45: [], 46: [],
    47: [],  # a confederation to back Platini for FIFA: sport
    48: [], 49: [], 50: [], 51: [], 52: [],
    53: [],  # a ministry prepares municipal elections: administrative
    54: [], 55: [], 56: [], 57: [],
    58: [],  # brokerages pledge to invest in the market: business
    59: [],
    60: [],  # a minister to open a building: ceremonial
    61: [],
    62: [("ACCUSE", "allege", None, "بالدعوى", 0, ["ARECOP"])],  # Dubai's deputy police chief files a complaint against a Saudi tweeter
    63: [], 64: [],
    65: [
        ("COERCE", "seize", None, "إغلاق", 0, ["YEMREB"]),  # media offices closed, looted and confiscated since the militias took Sanaa
        ("THREATEN", None, None, "للتهديد", 0, ["YEMREB"]),  # journalists threatened,
        ("ASSAULT", "abduct", None, "والخطف", 0, ["YEMREB"]),  # kidnapped
        ("ASSAULT", "beat", None, "والضرب", 0, ["YEMREB"]),  # and beaten
        ("COERCE", "restrict", None, "حجب", 0, ["YEMREB"]),  # websites blocked (the journalists' syndicate's statement)
    ],
    66: [],
    67: [],  # a consulate's emergency plan
    68: [
        ("AGREE", None, None, "الاتفاق", 0, ["USAGOV", "RUSGOV"]),  # the agreement finalised
        ("CONSULT", None, None, "محادثات", 0, ["USAGOV", "RUSGOV"]),  # in Kerry-Lavrov talks in Malaysia
    ],
    69: [("ASSAULT", "targeted", None, "حكم القتل", 0, ["SAUGOV"])],  # an execution for drug smuggling (manual 3.16; the smuggling is no PLOVER event)
    70: [],  # a mayor hands a licence to his staff's cooperative: administrative
    71: [],  # prayers for fallen soldiers
    72: [], 73: [], 74: [],
    75: [],  # an ambassador congratulates a karate team: sport
    76: [],  # a child's fatal fall
    77: [], 78: [],
    79: [("ACCUSE", "investigate", None, "التحقق", 0, ["SAUGOV"])],  # the Capital Market Authority's investigation of violations (Mobily)
    80: [], 81: [], 82: [],
    83: [],  # a detainee's travels; his arrest only dates them
    84: [],
    85: [],  # an appointment: administrative
    86: [],  # companies pledge security updates: business
    87: [], 88: [], 89: [], 90: [], 91: [], 92: [],
    93: [("CONSULT", None, None, "استقبل", 0, ["SAUGOV"])],  # the education minister meets the housing minister
    94: [],
    95: [("ACCUSE", "disapprove", None, "تستنكر", 0, ["USAGOV"])],  # the State Department condemns the mosque bombing (condolences: a courtesy)
    96: [], 97: [], 98: [], 99: [],
    100: [], 101: [],
    102: [("COERCE", "seize", None, "ضبطت", 0, ["CHNCOP"])],  # police seize dinosaur eggs in a house
    103: [],
    104: [],  # an MP announces a signature drive in parliament to change the constitution: legislative routine
    105: [],
    106: [],  # inspection tours, a total of violations and fines: routine
    107: [],
    108: [],  # an official urging his own staff: internal
    109: [], 110: [], 111: [], 112: [], 113: [],
    114: [("AGREE", None, None, "تعاون", 0, ["SAUGOV"])],  # a ministry and KACST agree on cooperation (the meeting's noun is before the window)
    115: [], 116: [],
    117: [],  # approvals of expropriations: administrative
    118: [("ASSAULT", None, None, "تطهير", 0, ["YEMREB", "YEMMIL"])],  # the resistance and the army clear Aden of the Houthis
    119: [],  # the condemnation's verb lies before the window (the sentence is cut at "د."); the bombing is only referred to
    120: [], 121: [], 122: [],
    123: [("ACCUSE", "disapprove", None, "قال", 0, ["EGYMED"])],  # a tried journalist's tweet denounces the court's delays
    124: [], 125: [], 126: [], 127: [], 128: [], 129: [],
    130: [], 131: [],
    132: [],  # Sisi sends greetings to the King: a courtesy
    133: [], 134: [],
    135: [
        ("ASSAULT", None, "historical", "ضرباتها", 0, ["TURMIL"]),  # ten days earlier: Turkey's first strikes on IS
        ("ASSAULT", None, "historical", "مهاجمة", 0, ["TURMIL"]),  # and its attacks on Kurdish fighters
    ],
    136: [
        ("ASSAULT", "abduct", None, "لاختطاف", 0, ["YEMREB"]),  # the Houthis kidnap artists and intellectuals
        ("THREATEN", None, None, "وتهديد", 0, ["YEMREB"]),  # and threaten them (the targeting of sites recaps the previous sentences)
    ],
    137: [("ASSAULT", None, None, "استعادت", 0, ["YEMMIL"])],  # pro-Hadi forces retake al-Anad after fierce battles (one clash)
    138: [],
    139: [("CONSULT", "visit", None, "استقبل", 0, ["YEMGOV"])],  # Yemeni governors visit the King Salman relief centre (the visitor is the actor)
    140: [],
    141: [("ACCUSE", "disapprove", None, "وقال", 0, ["PSEGOV"])],  # the Palestinian presidency's spokesman on Israel's aims in its killings
    142: [],  # Australia's standing policy on detainees, restated as background
    143: [],  # bribery described with the US judiciary as its source: no act of accusing in the sentence
    144: [], 145: [], 146: [], 147: [], 148: [], 149: [],
    150: [],
    151: [],  # a soldier's medical evacuation ordered: a courtesy
    152: [("AID", None, None, "الطائرة الإغاثية", 0, ["SAUGOV"])],  # 180 tons of relief to Albania
    153: [], 154: [],
    155: [],  # the Houthis' false claim to have downed an Apache: a claim the report refutes
    156: [],  # a university's trustees approve a president: administrative
    157: [
        ("ASSAULT", None, None, "المواجهات", 0, ["TURMIL", "TURREB"]),  # clashes between Turkish forces and the PKK
        ("ASSAULT", "aerial", None, "الغارات", 0, ["TURMIL"]),  # and Turkish air raids on its positions
    ],
    158: [], 159: [], 160: [], 161: [], 162: [], 163: [], 164: [],
    165: [],  # the contents of a university agreement (the signing is in the title)
    166: [], 167: [], 168: [], 169: [],
    170: [("ACCUSE", "allege", None, "فخ", 0, ["SDNPTY"])],  # a ruling-party leader: the invitation is a trap to arrest Bashir (keeping him home: internal)
    171: [], 172: [], 173: [], 174: [],
    175: [],  # a minister's hopes for the technical committee's meetings: the meeting is only the setting
    176: [],
    177: [("AID", None, None, "وصلت", 0, ["AREMIL"])],  # a UAE force arrives to secure Aden airport (CAMEO 074 military protection)
    178: [], 179: [],
    180: [],  # the suicide attack told in the lead is only referred to
    181: [("REQUEST", None, None, "وأهاب", 0, ["SAUGOV"])],  # the ambassador urges Saudi visitors and students to stay away from demonstrations
    182: [], 183: [], 184: [], 185: [],
    186: [("AID", None, None, "تسدد", 0, ["SAUGOV"])],  # the news link repeats the headline: the Kingdom pays its share of the PA budget
    187: [
        ("COERCE", None, "historical", "حملة أمنية", 0, ["EGYGOV"]),  # the crackdown on the Brotherhood since 2013
        ("COERCE", "ban", "historical", "وأعلنتها", 0, ["EGYGOV"]),  # declared a terrorist group (Morsi's ouster only dates it)
    ],
    188: [], 189: [],
    190: [],  # a judge adjourns a trial: court routine
    191: [], 192: [], 193: [],
    194: [("ACCUSE", "allege", "historical", "اتهامات", 0, ["EGYJUD"])],  # the charges before the acquittal
    195: [("COERCE", None, None, "أبطل", 0, ["TURCOP"])],  # experts defuse a bomb near the AKP building (a foiled bombing, as in random2)
    196: [], 197: [], 198: [], 199: [],
}

# sixth sample (--sample random6: even draws a development split, odd draws
# held-out): draw number -> events, as ANN
ANN6 = {
    0: [("SUPPORT", None, None, "وقدموا الولاء", 0, ["SAUCVL"])],  # Medina residents pledge allegiance (bay'a) to the King and the new crown princes
    1: [],  # a football coach on a player's transfer: sport
    2: [],  # an airline honours its crew: business
    3: [],  # poetry
    4: [],  # a commander's forecast; the resistance holding Iranian prisoners is only the ground of it
    5: [("CONSULT", "visit", None, "استقبل", 0, ["SAUJUD"])],  # the head of the Board of Grievances visits the Grand Mufti (Eid greetings: the visit's purpose, not coded apart)
    6: [],  # a video of passengers kept off airport seats: no political actor
    7: [],  # advisers listed in the deputy crown prince's delegation (the visit is told before the window)
    8: [],  # Blatter backs Russia's World Cup: sport
    9: [], 10: [],  # a ministry's figures; Sisi on a future parliament: statements
    11: [],
    12: [],  # a question to a doctor, cut at "د."
    13: [("RETREAT", "withdraw", "historical", "للتراجع", 0, ["DEUMIL"])],  # opinion column: Rommel forced to retreat at El Alamein (the battle only gives its cause)
    14: [],
    15: [],  # the AFC suspends and fines a player who hit another after a match: sport
    16: [], 17: [],  # opinion column; a Gulf Cup postponement decision: sport
    18: [("SANCTION", "convict", None, "تعزيره", 0, ["SAUJUD"])],  # six years' prison, confiscation and a travel ban for a Nusra recruit (one sentencing clause)
    19: [],  # a tourism authority makes hotels refund overcharged guests: administrative
    20: [], 21: [],
    22: [
        ("COERCE", "arrest", None, "توصلت", 0, ["SAUCOP"]),  # police track down (and, the article says, arrest) a suspect
        ("ASSAULT", "primitive", None, "باعتدائه", 0, ["SAUCVL"]),  # the fatal stabbing he is accused of (the article's event)
    ],
    23: [],  # bodies of fallen soldiers flown home
    24: [("COERCE", "seize", None, "ضبطت", 0, ["SAUGOV"])],  # the FDA seizes expired devices in a Riyadh warehouse (the 50 shops closed over three months: a tally)
    25: [], 26: [],  # a scholar on racism in France; FIFA: sport
    27: [("SUPPORT", None, None, "التهاني", 0, ["SAUGOV"])],  # the deputy King's official congratulations to Niger's president
    28: [("ASSAULT", "targeted", None, "عقوبة الإعدام", 0, ["IMGREB"])],  # an IS fighter executes two activists (the interrogation: the same act)
    29: [("COERCE", "seize", None, "ضبطت", 0, ["SAUGOV"])],  # FDA inspectors seize pharmaceuticals, among them in a medical centre's flat
    30: [("REQUEST", None, None, "دعت", 0, ["USAPTY"])],  # Clinton (a Democratic candidate) calls for ending the embargo on Cuba
    31: [],  # tag line
    32: [],  # a municipality's Ramadan totals of closures, warnings and seizures: a tally
    33: [],  # tag line
    34: [
        ("REJECT", None, None, "حالت", 0, ["ISRGOV"]),  # the occupation authorities bar writers from abroad (barring entry: manual 3.10)
        ("REJECT", None, None, "أعادت", 0, ["ISRGOV"]),  # and turn back the Chadian writers' union head at the crossings
    ],
    35: [], 36: [],  # a boat's passengers; opinion column
    37: [("ACCUSE", "disapprove", None, "واصفا", 0, ["ISRGOV"])],  # opinion column: Netanyahu called the Duma arson terrorism (the arson only referred to)
    38: [],  # McConnell on the burden of proof: a statement
    39: [],  # a ministry assigns teachers to counselling: administrative
    40: [("REJECT", None, None, "طرحها للمفاوضات", 0, ["PRKGOV"])],  # North Korea's foreign ministry: its nuclear deterrent is not for negotiation
    41: [],  # the Salt Lake City Olympic scandal: sport history
    42: [],  # a police chief promotes and urges his own officer: internal
    43: [], 44: [], 45: [], 46: [],
    47: [("COOPERATE", None, None, "بفتح قواعدنا", 0, ["TURGOV"])],  # Cavusoglu: progress in opening Turkish bases (Incirlik) to US aircraft under the agreement
    48: [],  # football
    49: [], 50: [],  # a group wedding; a newspaper's unanswered calls
    51: [("REJECT", None, None, "رفضت", 0, ["PHLGOV"])],  # the Philippine labour ministry refuses to accredit new Saudi recruitment offices
    52: [], 53: [], 54: [], 55: [],  # opinion column; a film; football
    56: [],  # a deputy minister on his ministry's wage programme: administrative
    57: [],  # the Senate's defence bill tightens limits on closing Guantanamo (June): legislative routine
    58: [],
    59: [("COERCE", "restrict", "future", "ستقيم حواجز", 0, ["GBRGOV"])],  # Cameron: more fences and police dogs at the Channel tunnel against migrants
    60: [("CONCEDE", None, None, "لرفع العقوبات", 0, ["IGO"])],  # the Security Council resolution starts a gradual, conditional lifting of sanctions on Iran (the vote itself told before the window)
    61: [],
    62: [("ASSAULT", "aerial", None, "قصف", 0, [])],  # coalition aircraft strike IS near Makhmur, seven killed (the international coalition: no single country code)
    63: [], 64: [], 65: [],  # football; a graduation; basketball
    66: [],  # Obama in Nairobi on building on the visit: a statement
    67: [], 68: [],
    69: [],  # condolences conveyed on a minister's instruction: a courtesy
    70: [],  # news link
    71: [("COERCE", "misinformation", None, "صناعة الأكاذيب", 0, ["YEMREB"])],  # the Houthi militias fabricate lies and doctored pictures (a campaign, as random5 draw 65)
    72: [], 73: [],  # obituary; caption
    74: [("COERCE", "seize", None, "ضبطت", 0, ["CHEGOV"])],  # Swiss customs seize smuggled ivory at Zurich airport
    75: [],  # an American hunter kills a lion: no PLOVER event; "pressure" on the US unattributed
    76: [], 77: [], 78: [],
    79: [("ACCUSE", "disapprove", None, "الإجرامي الآثم", 0, ["SAUGOV"])],  # a governor condemns the Asir mosque bombing (the bombing only referred to)
    80: [],  # a tribal council's achievements
    81: [
        ("ASSAULT", None, None, "الاقتحام", 0, ["LBNREB"]),  # a rebel commander: the Zabadani ground assault is all Hezbollah
        ("ASSAULT", "aerial", None, "بالقصف الجوي", 0, ["SYRMIL"]),  # while the regime army bombs from the air
    ],
    82: [],  # the hackers' words; their theft of the data only in a relative clause
    83: [],  # news link
    84: [],  # scabies patients isolated in a hospital
    85: [],  # football
    86: [],  # planning meetings of a youth forum: administrative
    87: [], 88: [],
    89: [],  # a mayor signs municipal contracts, cut at "د.": administrative
    90: [],  # a Saudi serving a life sentence in the US, told as background (the charges only give its cause)
    91: [], 92: [("SUPPORT", None, None, "رحب", 0, ["DEUGOV"])],  # Germany's foreign minister welcomes Security Council resolution 2235
    93: [],
    94: [],  # opinion column on the Iran negotiations
    95: [],  # a book published
    96: [],  # Beirut rubbish collection resumes (the residents' protest only gives the landfill's closure its cause)
    97: [],
    98: [("REQUEST", None, None, "ضرورة", 0, ["USALEG"])],  # a US senator presses Pakistan to cooperate against IS
    99: [],
    100: [("REQUEST", None, "historical", "طلباً", 0, ["IGO"])],  # background: the FATF had earlier invited the Kingdom to join
    101: [], 102: [],  # caption; a sportsman thanks his federation
    103: [("ASSAULT", "heavy-weapons", None, "أطلقوا", 0, ["IMGREB"])],  # IS fires rockets at the Peshmerga in Makhmur, dozens killed or wounded
    104: [],  # a governor checks on the wounded in hospital (the bombing told before the window)
    105: [],  # election signs: administrative
    106: [],  # news link
    107: [("REQUEST", None, None, "ودعت", 0, ["SAUGOV"])],  # the passports directorate calls on Yemenis to regularise their status
    108: [],  # football
    109: [], 110: [],
    111: [],  # football
    112: [],
    113: [],  # an air show to come: no event
    114: [("THREATEN", "violence", None, "تهديد", 0, [])],  # the news link repeats the headline: a plane diverted over a bomb threat
    115: [], 116: [],  # sport
    117: [], 118: [], 119: [],
    120: [],  # football
    121: [], 122: [],  # a body recovered after a fall; a road accident
    123: [], 124: [],
    125: [],
    126: [
        ("ASSAULT", None, None, "استهداف", 0, ["SYRREB", "IMGREB"]),  # Islamist factions and Nusra resume attacks on Fua and Kafriya
        ("ASSAULT", "aerial", None, "غارات", 0, ["SYRMIL"]),  # Syrian warplanes' four raids around the towns
    ],
    127: [],  # a letter to a resigned editor
    128: [("THREATEN", "violence", None, "لن نرحمكم", 0, ["IMGREB"])],  # an IS fighter's video threatens Libya's parliament and Haftar
    129: [],
    130: [
        ("ACCUSE", "disapprove", None, "تحويل فرنسا", 0, ["FRAHRI"]),  # the national human-rights commission: the accords make France Britain's enforcer
        ("REQUEST", None, None, "الغاء", 0, ["FRAHRI"]),  # and the bilateral texts should be cancelled
    ],
    131: [("AGREE", None, None, "للقائه", 0, ["USAGOV"])],  # Carter to the King: Obama looks forward to meeting him in September (a future meeting)
    132: [],  # party lists circulate before elections
    133: [], 134: [],
    135: [("SUPPORT", None, None, "بجزيل الشكر", 0, ["BHRGOV"])],  # Bahrain's prime minister thanks a family and the people for their efforts (his exhortation to keep customs: not a demand)
    136: [],  # a chamber official on Saudi-Turkish ties: background
    137: [], 138: [],
    139: [],  # Erdogan's assessment of Putin: a statement
    140: [],  # a visiting school delegation thanks its host: a courtesy
    141: [
        ("ASSAULT", None, None, "الضربات", 0, ["TURMIL"]),  # Erdogan: the Turkish strikes on IS bases in Syria were a first step
        ("THREATEN", None, None, "ستستمر", 0, ["TURGOV"]),  # and the measures against Islamists, Kurds and leftists will go on (a warning of force)
    ],
    142: [("ACCUSE", "disapprove", None, "واستنكر", 0, ["SAUCVL"])],  # background: Saudi society condemned two harassment incidents (the incidents themselves listed as background; the demand is the condemnation's content)
    143: [], 144: [],  # opinion column; tag line
    145: [],  # Yemenis praise the passports service: statements
    146: [],  # a football club asks the media for accuracy: sport
    147: [], 148: [],
    149: [("REQUEST", None, None, "طالب", 0, ["IGO"])],  # the IMF calls on the euro zone for more reforms
    150: [],
    151: [],  # the contents of the nuclear agreement
    152: [], 153: [],
    154: [("CONSULT", None, None, "أطلع", 0, ["USAGOV"])],  # Kerry briefs the Gulf foreign ministers in Doha on the Iran deal (one meeting; "تم بحث" is the same event)
    155: [], 156: [], 157: [], 158: [], 159: [],  # a house for sale; a study; condolences; business; oil prices
    160: [],  # caption
    161: [("CONSULT", "visit", None, "استقبل", 0, ["SAUREL", "SAUNGO"])],  # a senior scholar and a charity head call on the Riyadh governor (Eid greetings; as draw 5)
    162: [], 163: [],  # football; cars
    164: [],  # sources forecast the UN envoy's firmness with the Houthi delegation (its arrival in a relative clause; the coalition's resolve only gives the reason)
    165: [],
    166: [("REQUEST", None, None, "طالب", 0, ["SAUCVL"])],  # villagers ask the authorities to widen their road (as random4 draw 134)
    167: [], 168: [], 169: [],
    170: [("SUPPORT", None, None, "ووقع", 0, ["SAUGOV", "NAMGOV"])],  # the Saudi and Namibian UN envoys sign the establishment of diplomatic relations (manual 3.3)
    171: [],  # two Lenin and Stalin lookalikes' brawl, in a concessive clause; no court case
    172: [
        ("REQUEST", None, None, "ودعا", 0, ["JORGOV"]),  # Zarqa's mayor calls on a Gulf business delegation to invest in Jordan
        ("SUPPORT", None, None, "مثمنا", 0, ["JORGOV"]),  # and commends the Saudi-led Gulf role
    ],
    173: [], 174: [], 175: [],  # football; an accident; a playground
    176: [
        ("COERCE", "arrest", None, "أوقفت", 0, ["LBNMIL"]),  # an army intelligence patrol detains a suspect's sister (the security agencies' continuing pursuit: the frame of this arrest)
        ("ACCUSE", "investigate", None, "التحقيق", 0, ["LBNMIL"]),  # and questions her
    ],
    177: [], 178: [],  # football; caption
    179: [("ASSAULT", "destroy", None, "هدمت", 0, ["ISRMIL"])],  # occupation forces demolish 18 Palestinian structures in the Jordan Valley (random3: demolition is ASSAULT destroy)
    180: [], 181: [], 182: [],
    183: [],  # a municipality hosts its ministry's workshop: internal
    184: [], 185: [],  # caption; swimming
    186: [("ASSAULT", None, None, "أفشلت", 0, ["SAUMIL"])],  # coalition forces thwart Houthi reinforcements in Abyan (the air raid is only in the next sentence)
    187: [("CONSULT", "visit", None, "استقبل", 0, ["SAUGOV"])],  # Mohammed bin Zayed receives the Saudi foreign minister (the visitor is the actor)
    188: [],  # football
    189: [("CONSULT", "visit", None, "بزيارة", 0, ["SAUGOV"])],  # the deputy crown prince's visit to Jordan (the joint statement: a statement; the invitation only gives its reason)
    190: [],  # a surgery; the shooting in a brawl only gives the cause of the wound
    191: [],
    192: [],  # the wording of the victims' relatives' demands announced before the window
    193: [],  # projects inaugurated: development
    194: [("AGREE", None, None, "بنقل", 0, ["SAUGOV"])],  # the relief centre will fly Yemenis stranded in Djibouti home (future aid: AGREE, manual 3.6)
    195: [], 196: [], 197: [], 198: [], 199: [],
}

# name -> seed, number of draws, gold files whose articles are excluded,
# whether articles with the same `content` as an excluded one are excluded
# too, the split of draw k, the annotations
SAMPLES = {
    "random": {
        "seed": SEED, "n": N, "exclude": ("gold.jsonl", "heldout.jsonl"), "by_content": False,
        "split": lambda k: "random_dev" if k % 2 == 0 else "random_heldout", "ann": ANN,
    },
    "random2": {
        "seed": 20261201, "n": 80,
        "exclude": ("gold.jsonl", "heldout.jsonl", "random_dev.jsonl", "random_heldout.jsonl"),
        "by_content": True, "split": lambda k: "random2_heldout", "ann": ANN2,
    },
    "random3": {
        "seed": 20261202, "n": 120,
        "exclude": ("gold.jsonl", "heldout.jsonl", "random_dev.jsonl", "random_heldout.jsonl",
                    "random2_heldout.jsonl"),
        "by_content": True, "split": lambda k: "random3_dev", "ann": ANN3,
    },
    "random4": {
        "seed": 20261203, "n": 200,
        "exclude": ("gold.jsonl", "heldout.jsonl", "random_dev.jsonl", "random_heldout.jsonl",
                    "random2_heldout.jsonl", "random3_dev.jsonl"),
        "by_content": True,
        "split": lambda k: "random4_dev" if k % 2 == 0 else "random4_heldout", "ann": ANN4,
    },
    "random5": {
        "seed": 20261204, "n": 200,
        "exclude": ("gold.jsonl", "heldout.jsonl", "random_dev.jsonl", "random_heldout.jsonl",
                    "random2_heldout.jsonl", "random3_dev.jsonl", "random4_dev.jsonl",
                    "random4_heldout.jsonl"),
        "by_content": True,
        "split": lambda k: "random5_dev" if k % 2 == 0 else "random5_heldout", "ann": ANN5,
    },
    "random6": {
        "seed": 20261205, "n": 200,
        "exclude": ("gold.jsonl", "heldout.jsonl", "random_dev.jsonl", "random_heldout.jsonl",
                    "random2_heldout.jsonl", "random3_dev.jsonl", "random4_dev.jsonl",
                    "random4_heldout.jsonl", "random5_dev.jsonl", "random5_heldout.jsonl"),
        "by_content": True,
        "split": lambda k: "random6_dev" if k % 2 == 0 else "random6_heldout", "ann": ANN6,
    },
}


def sentences(text):
    """(start, end) code-point windows: runs ending at . ! ? ؟ or a line break."""
    out = []
    start = 0
    for m in re.finditer(r"[.!?؟]+(?=\s|$)|\n", text):
        end = m.end()
        out.append((start, end))
        start = end
    if start < len(text):
        out.append((start, len(text)))
    res = []
    for s, e in out:
        # trim the window to its non-space content
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            res.append((s, e))
    return res


def words(s):
    return len(re.findall(r"[\u0621-\u064A]+", s))


def corpus():
    arts = []
    for zp in sorted((SHARED / "data/news/saudinewsnet/dataset").glob("*.zip")):
        z = zipfile.ZipFile(zp)
        for i, rec in enumerate(json.load(z.open(z.namelist()[0]))):
            arts.append((zp.name, i, rec))
    return arts


def already_in_gold(names):
    seen = set()
    for name in names:
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                g = json.loads(line)
                seen.add((g["file"], g.get("index")))
    return seen


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def draws(cfg):
    excluded = already_in_gold(cfg["exclude"])
    arts = corpus()
    if cfg["by_content"]:
        hashes = {sha(rec["content"]) for f, i, rec in arts if (f, i) in excluded}
        arts = [a for a in arts if (a[0], a[1]) not in excluded and sha(a[2]["content"]) not in hashes]
    else:
        arts = [a for a in arts if (a[0], a[1]) not in excluded]
    rng = random.Random(cfg["seed"])
    out = []
    used = set()
    while len(out) < cfg["n"]:
        file, index, rec = arts[rng.randrange(len(arts))]
        if (file, index) in used:
            continue
        text = rec["content"]
        sents = [(s, e) for s, e in sentences(text) if MIN_WORDS <= words(text[s:e]) <= MAX_WORDS]
        if not sents:
            continue
        used.add((file, index))
        s, e = sents[rng.randrange(len(sents))]
        out.append((file, index, rec, s, e))
    return out


def main():
    name = sys.argv[sys.argv.index("--sample") + 1] if "--sample" in sys.argv else "random"
    if name not in SAMPLES:
        sys.exit(f"unknown sample {name!r} (one of {', '.join(SAMPLES)})")
    cfg = SAMPLES[name]
    ds = draws(cfg)
    if "--show" in sys.argv:
        for k, (file, index, rec, s, e) in enumerate(ds):
            split = cfg["split"](k)
            print(f"## {k} {split} {file}:{index} [{s},{e})  {rec.get('title', '')}")
            print(rec["content"][s:e])
            print()
        return
    lines = {}
    nev = {}
    for k, (file, index, rec, s, e) in enumerate(ds):
        if k not in cfg["ann"]:
            sys.exit(f"draw {k} ({file}:{index}) is not annotated")
        text = rec["content"]
        sent = text[s:e]
        out = []
        for kind, mode, aux, trig, occ, codes in cfg["ann"][k]:
            starts = [m.start() for m in re.finditer(re.escape(trig), sent)]
            if len(starts) <= occ:
                sys.exit(f"draw {k}: trigger {trig!r} #{occ} not in the sentence")
            t = s + starts[occ]
            out.append({"type": kind, "mode": mode, "aux": aux, "start": t, "end": t + len(trig),
                        "text": trig, "actor_codes": codes})
        rec_out = {"file": file, "index": index, "url": rec.get("url"),
                   "sha256": sha(text), "from": s, "upto": e, "draw": k, "events": out}
        split = cfg["split"](k)
        lines.setdefault(split, []).append(json.dumps(rec_out, ensure_ascii=False, sort_keys=True))
        nev[split] = nev.get(split, 0) + len(out)
    for split, ls in lines.items():
        path = HERE / f"{split}.jsonl"
        path.write_text("\n".join(ls) + "\n", encoding="utf-8")
        print(f"{path}: {len(ls)} sentences, {nev[split]} events", file=sys.stderr)


if __name__ == "__main__":
    main()
