"""Clock times of a programme day, computed from its start and each item's minutes.

A session lasts the sum of its steps. A break with `at` starts at that time: the items
before it must end by then. Problems come back as (item index or None, message).
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import AgendaBreak, AgendaSession, Day, clock_of, minutes_of


@dataclass(frozen=True)
class Slot:
    start: int  # minutes since midnight
    end: int
    item: AgendaSession | AgendaBreak
    session: object | None  # the Session, for session items

    @property
    def clock(self) -> str:
        return f"{clock_of(self.start)}–{clock_of(self.end)}"


def day_schedule(day: Day, sessions: dict) -> tuple[list[Slot], list[tuple[int | None, str]]]:
    slots, problems = [], []
    time = minutes_of(day.start)
    for index, item in enumerate(day.items):
        if isinstance(item, AgendaBreak):
            if item.at is not None:
                fixed = minutes_of(item.at)
                if time > fixed:
                    problems.append((index, (
                        f"the items before this break end at {clock_of(time)}, {time - fixed} minutes after "
                        f"the break's fixed start ({item.at}): they overlap. Shorten or move a session, "
                        "or change the break's \"at\" time.")))
                time = max(time, fixed)
            slots.append(Slot(time, time + item.minutes, item, None))
            time += item.minutes
        else:
            session = sessions.get(item.session)
            if session is None:
                continue  # reported as a dangling reference by the loader
            slots.append(Slot(time, time + session.minutes, item, session))
            time += session.minutes
    end = minutes_of(day.end)
    if time >= 24 * 60:
        problems.append((None, (
            f"this day's items run past midnight (to {clock_of(time - 24 * 60)} the next day), "
            f"{time - end} minutes after its end time ({day.end}). Move some items to another day, "
            "or remove or shorten a session or a break.")))
    elif time > end:
        problems.append((None, (
            f"this day ends at {clock_of(time)}, {time - end} minutes after its end time ({day.end}). "
            "Remove or shorten a session or a break, or start earlier.")))
    return slots, problems
