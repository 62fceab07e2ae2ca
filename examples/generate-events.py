#!/usr/bin/env python3
"""Writes examples/events.csv: a small, realistic, deterministic event log.

Three tenants whose user ids overlap (u001 exists in each, so a join that forgets the tenant
leaks), a few heavy users and many light ones, shopping and streaming journeys, same-second
ties, sessions that cross midnight, and some rows with missing optional values.
Run: python3 examples/generate-events.py  (the output is committed; the seed fixes it).
"""
import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

SEED = 20241101
TENANTS = ["acme", "globex", "initech"]
PLATFORMS = ["web", "ios", "android", ""]
ENTRY_SOURCES = ["homepage_row", "search", "email", "continue_watching"]
START = datetime(2024, 10, 28)  # a Monday: weeks of the retention example start here
DAYS = 28

rng = random.Random(SEED)
rows = []
event_number = 0


def emit(tenant, user, at, name, entry_source="", title="", session="", platform="", revenue=""):
    global event_number
    event_number += 1
    rows.append({
        "account_id": tenant,
        "user_id": user,
        "occurred_at": at.strftime("%Y-%m-%d %H:%M:%S") + ("" if at.microsecond == 0 else f".{at.microsecond:06d}"),
        "event_name": name,
        "entry_source": entry_source,
        "title_id": title,
        "session_id": session,
        "platform": platform,
        "revenue": revenue,
        "event_id": f"e{event_number:06d}",
    })


def shopping_visit(tenant, user, at, session, platform):
    source = rng.choice(ENTRY_SOURCES[:3])
    emit(tenant, user, at, "page_view", source, session=session, platform=platform)
    if rng.random() < 0.55:
        # a same-second tie between the view and the cart now and then
        at += timedelta(seconds=0 if rng.random() < 0.15 else rng.randint(20, 1500))
        emit(tenant, user, at, "add_to_cart", source, session=session, platform=platform)
        if rng.random() < 0.5:
            at += timedelta(minutes=rng.choice([5, 12, 40, 59, 60, 61, 95]))
            emit(tenant, user, at, "purchase", source, session=session, platform=platform,
                 revenue=f"{rng.choice([9.99, 19.5, 42.0, 120.0]):.2f}")
            if rng.random() < 0.1:
                at += timedelta(hours=rng.randint(1, 30))
                emit(tenant, user, at, "refund", session=session, platform=platform)
    return at


def streaming_visit(tenant, user, at, session, platform):
    for _ in range(rng.randint(1, 4)):
        title = str(rng.randint(100, 130))
        source = rng.choice(ENTRY_SOURCES)
        emit(tenant, user, at, "impression", source, title, session, platform)
        if rng.random() < 0.5:
            at += timedelta(seconds=rng.randint(2, 300))
            emit(tenant, user, at, "title_detail", source, title, session, platform)
            if rng.random() < 0.6:
                at += timedelta(seconds=rng.randint(1, 900))
                emit(tenant, user, at, "play", source, title, session, platform)
        at += timedelta(seconds=rng.randint(5, 600))
    return at


for tenant in TENANTS:
    users = [f"u{n:03d}" for n in range(1, 41)]
    for rank, user in enumerate(users, start=1):
        activity = max(1, int(90 / rank ** 0.85))  # Zipf-like: u001 is heavy, the tail is light
        first_day = rng.randint(0, DAYS - 1) if rank > 3 else 0
        day = first_day
        emit(tenant, user, START + timedelta(days=day, hours=rng.randint(7, 22), minutes=rng.randint(0, 59)),
             "signup", platform=rng.choice(PLATFORMS))
        for visit in range(activity):
            if day >= DAYS:
                break
            # late-night visits cross midnight; others spread over the day
            hour = rng.choice([9, 12, 18, 21, 23]) if rng.random() < 0.8 else 23
            at = START + timedelta(days=day, hours=hour, minutes=rng.randint(0, 59), seconds=rng.randint(0, 59))
            session = f"{tenant[:1]}{user}-{visit}"
            platform = rng.choice(PLATFORMS)
            emit(tenant, user, at, "login", session=session, platform=platform)
            at += timedelta(seconds=rng.randint(1, 120))
            visit_kind = streaming_visit if rng.random() < 0.5 else shopping_visit
            at = visit_kind(tenant, user, at, session, platform)
            if rng.random() < 0.3:
                # a second burst after a pause: sometimes within 30 minutes, sometimes exactly 30, sometimes past it
                at += timedelta(minutes=rng.choice([10, 30, 31, 45]))
                visit_kind(tenant, user, at, session, platform)
            day += rng.choice([0, 1, 1, 2, 3, 7])

rows.sort(key=lambda r: (r["occurred_at"], r["account_id"], r["user_id"], r["event_id"]))
out = Path(__file__).with_name("events.csv")
with out.open("w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
print(f"wrote {len(rows)} events to {out}")
