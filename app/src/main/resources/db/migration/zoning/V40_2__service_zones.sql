-- R-Z1, R-Z3, R-Z4, R-P5: service zones (学校服务片) and the address dictionary. Zones are
-- redrawn every year, so a zone and every address mapping belong to one enrollment year.

-- Per district: whom to ask when an address is not found, whether the lookup is gated by
-- identity (R-Z2, the Dongcheng way), and the "one place per home" interval (六年一学位).
CREATE TABLE zoning_district
(
  district_code        CHAR(6) PRIMARY KEY REFERENCES district (code),
  contact_office       TEXT,
  contact_phone        TEXT,
  gated_lookup         BOOLEAN NOT NULL DEFAULT false,
  -- null: the district does not apply 六年一学位; else years per primary place (6)
  place_interval_years INTEGER CHECK (place_interval_years IS NULL OR place_interval_years BETWEEN 1 AND 12)
);

-- A service zone of one district, level and year. school_code is the one school for a home
-- whose certificate is dated on or before the district's cutoff; the zone's lottery
-- schools (below) are the set a later certificate, or a multi-school compound, maps to.
CREATE TABLE service_zone
(
  id            BIGSERIAL PRIMARY KEY,
  district_code CHAR(6) NOT NULL REFERENCES district (code),
  year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  level         TEXT    NOT NULL CHECK (level IN ('PRIMARY', 'JUNIOR')),
  name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  school_code   TEXT    NOT NULL REFERENCES school (code),
  UNIQUE (district_code, year, level, name),
  UNIQUE (id, district_code, year, level)
);

CREATE TABLE service_zone_lottery_school
(
  zone_id     BIGINT NOT NULL REFERENCES service_zone (id) ON DELETE CASCADE,
  school_code TEXT   NOT NULL REFERENCES school (code),
  PRIMARY KEY (zone_id, school_code)
);

-- A standardised address and the zone it maps to in that year. The standard text is the
-- address as the district writes it; one address maps to one zone per year and level.
CREATE TABLE zone_address
(
  id                    BIGSERIAL PRIMARY KEY,
  zone_id               BIGINT  NOT NULL,
  district_code         CHAR(6) NOT NULL,
  year                  INTEGER NOT NULL,
  level                 TEXT    NOT NULL,
  street_code           CHAR(9) REFERENCES street (code),
  community             TEXT,
  road                  TEXT,
  road_number           TEXT,
  compound              TEXT,
  building              TEXT,
  standard_text         TEXT    NOT NULL CHECK (length(standard_text) BETWEEN 2 AND 200),
  -- 多校派位登记小区: the zone's lottery set applies whatever the certificate's date
  multi_school_compound BOOLEAN NOT NULL DEFAULT false,
  FOREIGN KEY (zone_id, district_code, year, level)
    REFERENCES service_zone (id, district_code, year, level) ON DELETE CASCADE,
  UNIQUE (district_code, year, level, standard_text)
);

CREATE INDEX zone_address_zone_idx ON zone_address (zone_id);

-- Other names parents use for an address: former names, a building's name, the road
-- address of a compound ("市政三公司7号院" is also "志新西路7号院").
CREATE TABLE zone_address_alias
(
  address_id BIGINT NOT NULL REFERENCES zone_address (id) ON DELETE CASCADE,
  alias      TEXT   NOT NULL CHECK (length(alias) BETWEEN 2 AND 200),
  PRIMARY KEY (address_id, alias)
);

-- Bumped by every change to zones, addresses and aliases: each node rebuilds its search
-- index when it sees a newer version.
CREATE TABLE zone_dictionary_version
(
  singleton BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
  version   BIGINT  NOT NULL
);

INSERT INTO zone_dictionary_version (singleton, version) VALUES (true, 1);

-- 六年一学位: the years a home (normalised address down to the room) supplied a place.
-- The registration issue writes it; the lookup reads it.
CREATE TABLE home_place_use
(
  district_code CHAR(6) NOT NULL REFERENCES district (code),
  home_key      TEXT    NOT NULL,
  used_in_year  INTEGER NOT NULL,
  school_level  TEXT    NOT NULL CHECK (school_level IN ('PRIMARY', 'JUNIOR', 'NINE_YEAR')),
  PRIMARY KEY (district_code, home_key, used_in_year)
);

-- R-Z2: which distinct addresses an ID number looked up in a district and year. The ID
-- number is stored as a keyed hash only. At most two addresses per hash is enforced by
-- the lookup's transaction under pg_advisory_xact_lock on the hash, so that it holds under
-- concurrent requests on any node.
CREATE TABLE gated_lookup
(
  district_code CHAR(6)     NOT NULL REFERENCES district (code),
  year          INTEGER     NOT NULL,
  id_hash       TEXT        NOT NULL CHECK (id_hash ~ '^[0-9a-f]{64}$'),
  address_key   TEXT        NOT NULL,
  first_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (district_code, year, id_hash, address_key)
);
