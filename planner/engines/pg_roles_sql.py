"""What the server enforces on a team's plan, as schema step ``m006_team_roles``'s PostgreSQL text
(:mod:`planner.engines.pg_roles` explains the roles in the director's words).

Three layers, each the server's:

1. **Group roles and table privileges.** Four group roles per plan, ``rep_planner_<database>_director``,
   ``_planner``, ``_rep`` and ``_readonly``: PostgreSQL roles belong to the whole server, so a name
   without the database's would make a director of one plan the director of every plan on it. Each
   member's login is granted one of them. A read-only member may SELECT only; a rep may write only
   the calendar's tables (busy times, pinned blocks, export and publish records); a planner the
   territory (reps, markets, weekly counts, assignments) and the calendar's tables; only a director
   writes the plan's settings and activities and the team (``members``). Nobody but the plan's owner
   (its creator) may ALTER, DROP, TRUNCATE or disable a trigger.
2. **A row guard** (:data:`GUARD`), a trigger on every table of the plan, decides *which rows*: a
   planner's regions, a rep's own calendar. It raises, naming the login and the row, where
   row-level security would not: PostgreSQL's policies silently skip the rows an UPDATE or a DELETE
   may not touch (``DELETE FROM markets`` by a rep would say "DELETE 0", not "refused"), and a policy
   sees either the old row or the new one, never both, so it cannot let a planner's removal shift the
   on-screen order (``position``) of another region's markets while refusing any other change to them.
   It also refuses a change to the plan made while ``rep_planner.recording`` is off (one the history
   would not hold).
3. **Row-level security** where a policy is the right tool: the history is append-only for members
   (a new revision is the next number; its rows may only be added to a revision made in the same
   transaction; only a director may change or delete a revision), and only a director writes the team.

The functions name every table with its schema (``pg_catalog`` or the plan's), never through the
caller's ``search_path``, which looks in a session's temporary tables first: a member's temporary
table named ``members`` cannot stand in for the team's. (A ``SET search_path`` on the functions would
do the same, but costs a re-plan of the guard's statements on every row: 3.7 times slower imports;
the guard as it is makes a director's import of 500 reps and 1,000 markets 1.24 times slower.)
"""

from __future__ import annotations

PLAN_TABLES = ("meta", "activities", "reps", "markets", "workload", "assignments", "busy", "pins", "alternatives",
               "exports", "published")
GROUPS = ("director", "planner", "rep", "readonly")

MEMBERS = "CREATE TABLE members (login TEXT PRIMARY KEY, role TEXT NOT NULL, regions TEXT NOT NULL, rep TEXT)"

# the server's copy of planner.regions.region_of (a test compares the two on every zone both know)
REGION = r"""CREATE OR REPLACE FUNCTION rep_planner_region(tz text) RETURNS text LANGUAGE plpgsql STABLE AS $f$
DECLARE area text := split_part(tz, '/', 1); off double precision;
BEGIN
  IF area = 'America' THEN RETURN 'Americas'; END IF;
  IF area IN ('Europe', 'Africa') THEN RETURN 'EMEA'; END IF;
  IF area = 'Australia' THEN RETURN 'APAC'; END IF;
  BEGIN
    SELECT min(extract(epoch FROM (l - (l AT TIME ZONE tz AT TIME ZONE 'UTC'))) / 3600) INTO off
      FROM (VALUES (timestamp '2027-01-15 12:00'), (timestamp '2027-07-15 12:00')) AS v(l);
  EXCEPTION WHEN invalid_parameter_value THEN RETURN '';
  END;
  IF area = 'Pacific' THEN RETURN CASE WHEN off BETWEEN -7 AND -3 THEN 'Americas' ELSE 'APAC' END; END IF;
  IF area = 'Atlantic' THEN RETURN CASE WHEN off >= -1 THEN 'EMEA' ELSE 'Americas' END; END IF;
  IF area = 'Indian' THEN RETURN CASE WHEN off >= 5 THEN 'APAC' ELSE 'EMEA' END; END IF;
  RETURN CASE WHEN off < -1 THEN 'Americas' WHEN off < 4.5 THEN 'EMEA' ELSE 'APAC' END;
END $f$"""

# who is writing: a superuser counts as a director (the server cannot refuse them anything anyway)
MEMBER = """CREATE OR REPLACE FUNCTION rep_planner_member(OUT login text, OUT role text, OUT regions text[], OUT rep text)
LANGUAGE sql STABLE AS $f$
  SELECT current_user::text, CASE WHEN current_setting('is_superuser') = 'on' THEN 'director' ELSE m.role END,
         coalesce(string_to_array(nullif(m.regions, ''), ','), '{}'), m.rep
    FROM (SELECT) AS one LEFT JOIN @schema@.members m ON m.login = current_user
$f$"""

# a row in the director's words, as planner.history.Row.describe says it
WORDS = """CREATE OR REPLACE FUNCTION rep_planner_words(tbl text, r jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT CASE tbl
    WHEN 'meta' THEN 'the plan''s ' || (r->>'key') WHEN 'activities' THEN 'activity ' || (r->>'name')
    WHEN 'reps' THEN 'rep ' || (r->>'name') WHEN 'markets' THEN 'market ' || (r->>'name')
    WHEN 'workload' THEN (r->>'market') || '''s weekly ' || (r->>'activity')
    WHEN 'assignments' THEN 'the assignment of ' || (r->>'market')
    WHEN 'busy' THEN 'a busy time of ' || (r->>'rep') WHEN 'pins' THEN 'a pinned block of ' || (r->>'rep')
    WHEN 'alternatives' THEN 'alternative ' || (r->>'name')
    WHEN 'exports' THEN 'an export record of ' || (r->>'rep') WHEN 'published' THEN 'a published record of ' || (r->>'rep')
    ELSE tbl END
$f$"""

MAY = """CREATE OR REPLACE FUNCTION rep_planner_may(login text, role text, regions text[], rep text, tbl text, r jsonb,
                                           is_new boolean) RETURNS void
LANGUAGE plpgsql STABLE AS $f$
DECLARE what text := @schema@.rep_planner_words(tbl, r); region text; their text;
BEGIN
  IF role IS NULL THEN
    RAISE insufficient_privilege USING MESSAGE = format('refused by the server: %s is not on this plan''s team and may '
      'not change %s', login, what);
  END IF;
  IF role = 'read-only' THEN
    RAISE insufficient_privilege USING MESSAGE = format('refused by the server: %s reads this plan only (read-only) '
      'and may not change %s', login, what);
  END IF;
  IF role = 'rep' THEN
    IF tbl IN ('busy', 'pins', 'exports', 'published') AND r->>'rep' = rep THEN RETURN; END IF;
    RAISE insufficient_privilege USING MESSAGE = format('refused by the server: %s is %s''s login (rep) and may change '
      'only %s''s busy times and pinned blocks, not %s', login, rep, rep, what);
  END IF;
  -- a planner: the rows of their regions' markets and reps
  IF tbl IN ('reps', 'markets') THEN
    region := @schema@.rep_planner_region(r->>'timezone');
  ELSIF tbl IN ('workload', 'assignments') THEN
    SELECT @schema@.rep_planner_region(timezone) INTO region FROM @schema@.markets WHERE name = r->>'market';
  ELSIF tbl IN ('busy', 'pins', 'exports', 'published') THEN
    SELECT @schema@.rep_planner_region(timezone) INTO region FROM @schema@.reps WHERE name = r->>'rep';
  ELSIF tbl = 'alternatives' THEN
    RETURN;
  ELSE
    RAISE insufficient_privilege USING MESSAGE = format('refused by the server: %s is a planner and may not change %s '
      '(a director''s)', login, what);
  END IF;
  IF region IS NULL OR NOT region = ANY (regions) THEN
    RAISE insufficient_privilege USING MESSAGE = format('refused by the server: %s plans %s and may not change %s (%s)',
      login, coalesce(nullif(array_to_string(regions, ', '), ''), 'no region'), what, coalesce(nullif(region, ''), 'no region'));
  END IF;
  IF tbl = 'assignments' AND is_new THEN
    SELECT @schema@.rep_planner_region(timezone) INTO their FROM @schema@.reps WHERE name = r->>'rep';
    IF their IS NULL OR NOT their = ANY (regions) THEN
      RAISE insufficient_privilege USING MESSAGE = format('refused by the server: %s plans %s and may not give %s to '
        '%s (%s): only a director assigns a market to another region''s rep', login,
        array_to_string(regions, ', '), r->>'market', r->>'rep', coalesce(nullif(their, ''), 'no region'));
    END IF;
  END IF;
END $f$"""

GUARD = """CREATE OR REPLACE FUNCTION rep_planner_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE me record;
BEGIN
  IF current_setting('is_superuser') = 'on' THEN RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END; END IF;
  -- rep_planner_member()'s query, written out: called as a function it cost 200 us a row (imports 2.4x slower)
  SELECT current_user::text AS login, m.role, coalesce(string_to_array(nullif(m.regions, ''), ','), '{}') AS regions,
         m.rep INTO me FROM (SELECT) AS one LEFT JOIN @schema@.members m ON m.login = current_user;
  -- a planner's removal or move shifts the on-screen order of the rows after it, other regions' too
  IF me.role IS DISTINCT FROM 'director' AND NOT (TG_OP = 'UPDATE' AND me.role = 'planner'
                                                  AND to_jsonb(NEW) - 'position' = to_jsonb(OLD) - 'position') THEN
    IF TG_OP <> 'INSERT' THEN PERFORM @schema@.rep_planner_may(me.login, me.role, me.regions, me.rep, TG_TABLE_NAME, to_jsonb(OLD), false); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM @schema@.rep_planner_may(me.login, me.role, me.regions, me.rep, TG_TABLE_NAME, to_jsonb(NEW), true); END IF;
  END IF;
  IF TG_TABLE_NAME NOT IN ('exports', 'published')   -- calendar records: written outside changes, as on a file
     AND current_setting('rep_planner.recording', true) IS DISTINCT FROM 'on' THEN
    RAISE insufficient_privilege USING MESSAGE = format('refused by the server: %s changed %s outside a recorded change '
      '(rep_planner.recording is off); every change to a team''s plan is kept in its history', me.login,
      @schema@.rep_planner_words(TG_TABLE_NAME, CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END));
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $f$"""

IS_DIRECTOR = "((SELECT role FROM rep_planner_member()) = 'director')"

POLICIES = (
    "ALTER TABLE history ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY read ON history FOR SELECT USING (true)",
    # the next number only (changes take the change lock first, so this is the one they get)
    "CREATE POLICY append ON history FOR INSERT WITH CHECK (revision = (SELECT coalesce(max(h.revision), 0) + 1 "
    "FROM history h))",
    f"CREATE POLICY director_changes ON history FOR UPDATE USING {IS_DIRECTOR} WITH CHECK {IS_DIRECTOR}",
    f"CREATE POLICY director_deletes ON history FOR DELETE USING {IS_DIRECTOR}",
    "ALTER TABLE history_rows ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY read ON history_rows FOR SELECT USING (true)",
    # rows only for a revision this very transaction made (age <= 0: its own transaction id, or a
    # subtransaction's, which comes after it), never added to another's
    "CREATE POLICY append ON history_rows FOR INSERT WITH CHECK (EXISTS (SELECT 1 FROM history h "
    "WHERE h.revision = history_rows.revision AND age(h.xmin) <= 0))",
    f"CREATE POLICY director_changes ON history_rows FOR UPDATE USING {IS_DIRECTOR} WITH CHECK {IS_DIRECTOR}",
    f"CREATE POLICY director_deletes ON history_rows FOR DELETE USING {IS_DIRECTOR}",
    "ALTER TABLE members ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY read ON members FOR SELECT USING (true)",
    f"CREATE POLICY director_writes ON members FOR ALL USING {IS_DIRECTOR} WITH CHECK {IS_DIRECTOR}",
)

_ALL = ", ".join((*PLAN_TABLES, "history", "history_rows", "members", "_rep_planner_migrations"))
_CALENDAR = "busy, pins, exports, published"
_TERRITORY = "reps, markets, workload, assignments, alternatives"

# The group roles (made once per plan) and their privileges; the plan's creator is its first director.
ROLES = f"""DO $do$
DECLARE p text := 'rep_planner_' || current_database() || '_'; g text;
BEGIN
  IF length(p || 'readonly') > 63 THEN
    RAISE EXCEPTION 'the database''s name % is too long for its team''s roles (rep_planner_<name>_readonly): '
      'at most 42 characters', current_database();
  END IF;
  FOREACH g IN ARRAY ARRAY['director', 'planner', 'rep', 'readonly'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = p || g) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', p || g);
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE insufficient_privilege USING MESSAGE = format('%s may not create roles, and a team''s plan has its own '
          '(%s...): the server''s administrator gives its creator the right (ALTER ROLE %s CREATEROLE)',
          current_user, p || g, current_user);
      END;
    END IF;
    EXECUTE format('GRANT SELECT ON {_ALL} TO %I', p || g);
  END LOOP;
  EXECUTE format('GRANT INSERT, UPDATE, DELETE ON {_ALL} TO %I', p || 'director');
  EXECUTE format('GRANT INSERT, UPDATE, DELETE ON {_TERRITORY}, {_CALENDAR} TO %I', p || 'planner');
  EXECUTE format('GRANT INSERT, UPDATE, DELETE ON {_CALENDAR} TO %I', p || 'rep');
  EXECUTE format('GRANT INSERT ON history, history_rows TO %I, %I', p || 'planner', p || 'rep');
  EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %I, %I, %I', pg_get_serial_sequence('busy', 'id'),
                 p || 'director', p || 'planner', p || 'rep');
  -- a push moves the busy times' numbering on past the rows it copied (setval)
  EXECUTE format('GRANT UPDATE ON SEQUENCE %s TO %I', pg_get_serial_sequence('busy', 'id'), p || 'director');
  EXECUTE format('GRANT %I TO %I', p || 'director', current_user);
  INSERT INTO members VALUES (current_user, 'director', '', NULL) ON CONFLICT (login) DO NOTHING;
END $do$"""


def _in_schema(function: str) -> str:
    """``function``'s CREATE with its tables and functions named in the plan's schema (whatever the
    creator's current one is)."""
    return f"DO $do$ BEGIN EXECUTE replace($t${function}$t$, '@schema@', quote_ident(current_schema())); END $do$"


def statements() -> tuple[str, ...]:
    """Step ``m006_team_roles`` on PostgreSQL."""
    guards = tuple(f'CREATE TRIGGER rep_planner_guard BEFORE INSERT OR UPDATE OR DELETE ON "{t}" '
                   "FOR EACH ROW EXECUTE FUNCTION rep_planner_guard()" for t in PLAN_TABLES)
    return (MEMBERS, REGION, _in_schema(MEMBER), WORDS, _in_schema(MAY), _in_schema(GUARD), *guards, *POLICIES, ROLES)
