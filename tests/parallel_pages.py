"""Visit many pages a few at a time in one Chromium: Playwright's async API, run in a thread
of its own (the session's synchronous `browser` fixture keeps the main thread)."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor

from conftest import CHROMIUM, CHROMIUM_ARGS

AT_ONCE = int(os.environ.get("WPS_BROWSER_PAGES_AT_ONCE", "3"))


def visit_all(items, visit, init_script: str | None = None, at_once: int = AT_ONCE, **context_options) -> dict:
    """{item: await visit(context, item)} for every item; `at_once` workers, each with a
    browser context of its own that it keeps from one page to the next."""

    async def main():
        from playwright.async_api import async_playwright

        results, queue = {}, list(items)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

            async def worker():
                context = await browser.new_context(**context_options)
                if init_script:
                    await context.add_init_script(init_script)
                while queue:
                    item = queue.pop(0)
                    results[item] = await visit(context, item)
                await context.close()

            await asyncio.gather(*(worker() for _ in range(min(at_once, len(queue)) or 1)))
            await browser.close()
        return results

    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, main()).result()
