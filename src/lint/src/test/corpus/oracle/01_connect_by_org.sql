-- Seats per team including sub-teams, walking the hierarchy.
-- expect:
SELECT CONNECT_BY_ROOT t.team_name AS root_team, LEVEL AS depth, t.team_id
FROM teams t
START WITH t.parent_id IS NULL
CONNECT BY NOCYCLE PRIOR t.team_id = t.parent_id
ORDER SIBLINGS BY t.team_name;
