"""Reads applicants' private links from Cohort's outbox, for the scripts that act as applicants.

A private link goes by email only (the start answers the same whether or not the address
has applied), so a script that starts an application reads the link where the email is
queued: the `outbox_messages` table, written in the same transaction as the start. SQLite
files are read directly; PostgreSQL through psql.
"""
import re, sqlite3, subprocess

LINK = re.compile(r"/apply/([A-Za-z0-9_-]+)")


def latest_token(database, email, link=LINK):
    """The token of the newest link emailed to `email` (an application's private link, or
    what `link` matches), or None."""
    query = "SELECT body FROM outbox_messages WHERE to_address = ? ORDER BY created_at DESC LIMIT 1"
    if database.startswith("sqlite:"):
        connection = sqlite3.connect(f"file:{database[len('sqlite:'):]}?mode=ro", uri=True, timeout=10)
        try:
            row = connection.execute(query, (email.lower(),)).fetchone()
        finally:
            connection.close()
        body = row[0] if row else ""
    else:
        literal = "'" + email.lower().replace("'", "''") + "'"
        body = subprocess.run(["psql", database.split("?")[0], "-Atc", query.replace("?", literal)], check=True,
                              capture_output=True, text=True).stdout
    match = link.search(body)
    return match.group(1) if match else None


def all_tokens(database):
    """Every address's newest token: {email: token}."""
    query = "SELECT to_address, body FROM outbox_messages ORDER BY created_at"
    if database.startswith("sqlite:"):
        connection = sqlite3.connect(f"file:{database[len('sqlite:'):]}?mode=ro", uri=True, timeout=10)
        try:
            rows = connection.execute(query).fetchall()
        finally:
            connection.close()
    else:
        output = subprocess.run(["psql", database.split("?")[0], "-AtF", "\t", "-c", query.replace("\n", " ")], check=True,
                                capture_output=True, text=True).stdout
        rows = [line.split("\t", 1) for line in output.splitlines() if "\t" in line]
    tokens = {}
    for address, body in rows:
        match = LINK.search(body)
        if match:
            tokens[address] = match.group(1)
    return tokens
