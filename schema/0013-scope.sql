-- 0013-scope.sql: the subtree of a staff account (issue 8), stored on
-- each unit so that every office list, query, roster and statistic
-- reads it the same way and along an index.
--
-- city_code is the region code of the city office whose subtree holds
-- the unit, county_code that of the county office; both NULL for 省直
-- and 中央驻豫 units (a unit in the province's own region, or a basic
-- unit whose supervising unit is there), which only the province sees.
-- The rule is the one chain.c uses to find a unit's office: a county
-- belongs to its city, a zone (开发区) to its city, a city or a county
-- the province administers directly (direct_county) is a city itself.
-- The offices carry their own codes, so each is in its own subtree.
--
-- An account whose unit is ME sees unit U when (fcgi/web/db.c SCOPE):
--   ME is the province office                      every unit
--   ME is a city office        U.city_code   = ME.region_code
--   ME is a county office      U.county_code = ME.region_code
--   ME is any unit             U.id = ME.id or U.parent_id = ME.id
-- (a supervising unit: itself and its units; a unit: itself; a
-- reviewer: the unit of the admin who created him).  An application,
-- a candidate's registration in a unit, a roster row: by its unit.
--
-- Set by STMT_UNIT_PLACE whenever a unit is created, moved or its
-- region changed (for the unit and its children, whose 省直 status
-- follows their parent).
ALTER TABLE units
	ADD COLUMN city_code	CHAR(6) NULL AFTER region_code,
	ADD COLUMN county_code	CHAR(6) NULL AFTER city_code,
	ADD KEY units_city (city_code),
	ADD KEY units_county (county_code);

UPDATE units u JOIN regions g ON g.code = u.region_code
	LEFT JOIN units p ON p.id = u.parent_id
	LEFT JOIN regions pg ON pg.code = p.region_code
SET u.city_code = CASE
	WHEN g.kind = 'province' OR (u.kind = 'basic' AND pg.kind = 'province') THEN NULL
	WHEN g.kind IN ('county', 'zone') THEN g.parent_code
	ELSE g.code END,
    u.county_code = CASE
	WHEN g.kind = 'province' OR (u.kind = 'basic' AND pg.kind = 'province') THEN NULL
	WHEN g.kind = 'county' THEN g.code
	ELSE NULL END;
