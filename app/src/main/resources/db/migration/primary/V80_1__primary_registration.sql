-- R-P*: primary-entry registration (幼升小).

-- R-P5, R-P10: a district's ordered priority categories. The first category whose
-- conditions all hold classifies a registration; a null condition holds always. A district
-- without a list of its own uses the city's (district_code 110000, Beijing's own code).
CREATE TABLE primary_category
(
  district_code  CHAR(6) NOT NULL CHECK (district_code ~ '^11[0-9]{4}$'),
  position       INTEGER NOT NULL CHECK (position BETWEEN 1 AND 20),
  label          TEXT    NOT NULL,
  label_en       TEXT    NOT NULL,
  -- BEIJING covers collective hukou too (R-P13)
  hukou_local    BOOLEAN,
  hukou_in_zone  BOOLEAN,
  -- PARENTS, GRANDPARENTS, OTHER, NONE (no owned home), or null for any
  property_owner TEXT CHECK (property_owner IN ('PARENTS', 'GRANDPARENTS', 'OTHER', 'NONE')),
  PRIMARY KEY (district_code, position)
);

INSERT INTO primary_category (district_code, position, label, label_en, hukou_local, hukou_in_zone, property_owner)
SELECT '110000', c.position, c.label, c.label_en, c.hukou_local, c.hukou_in_zone, c.property_owner
FROM (VALUES
  (1, '户籍在片内，父母产权房在片内', 'Hukou in the zone, parents own the home in the zone', true, true, 'PARENTS'),
  (2, '户籍在片内，祖父母产权房在片内', 'Hukou in the zone, grandparents own the home in the zone', true, true, 'GRANDPARENTS'),
  (3, '户籍不在片内，父母产权房在片内', 'Hukou elsewhere, parents own the home in the zone', true, false, 'PARENTS'),
  (4, '户籍在片内，无产权房', 'Hukou in the zone, no owned home', true, true, 'NONE'),
  (5, '非京籍，持在京就读证明', 'Non-local, with a study permit', false, NULL, NULL),
  (6, '其他京籍儿童，由区统筹安排', 'Other Beijing children, placed by the district', true, NULL, NULL)
) AS c (position, label, label_en, hukou_local, hukou_in_zone, property_owner);

CREATE SEQUENCE primary_registration_number_seq;

CREATE TABLE primary_registration
(
  id                  UUID PRIMARY KEY,
  number              TEXT        NOT NULL UNIQUE,
  year                INTEGER     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  district_code       CHAR(6)     NOT NULL REFERENCES district (code),
  -- the family account the child's registration belongs to; null when the district
  -- registered an over-age child for a family without an account (R-P3)
  family_account      UUID REFERENCES account (id),
  registered_by       TEXT        NOT NULL CHECK (registered_by IN ('FAMILY', 'DISTRICT')),
  -- one form submission: a double click or a retry with the same key is the same registration
  idempotency_key     UUID        NOT NULL UNIQUE,
  child_id_hash       BYTEA       NOT NULL,
  child_id_sealed     BYTEA       NOT NULL,
  child_name          TEXT        NOT NULL CHECK (length(child_name) BETWEEN 1 AND 50),
  sex                 TEXT        NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
  birth_date          DATE        NOT NULL,
  hukou_type          TEXT        NOT NULL CHECK (hukou_type IN ('BEIJING', 'BEIJING_COLLECTIVE', 'NON_LOCAL')),
  hukou_district_code CHAR(6) REFERENCES district (code),
  hukou_address       TEXT        NOT NULL CHECK (length(hukou_address) BETWEEN 2 AND 200),
  home_tenure         TEXT        NOT NULL CHECK (home_tenure IN ('OWNED', 'RENTED', 'OTHER')),
  certificate_number  TEXT,
  certificate_date    DATE,
  owner               TEXT CHECK (owner IN ('PARENTS', 'GRANDPARENTS', 'OTHER')),
  residence_address   TEXT        NOT NULL,
  zone_name           TEXT        NOT NULL,
  zone_schools        TEXT        NOT NULL,
  zoning_rule         TEXT        NOT NULL,
  home_key            TEXT        NOT NULL,
  study_permit_number TEXT REFERENCES study_permit (number),
  category_position   INTEGER     NOT NULL,
  category_label      TEXT        NOT NULL,
  category_inputs     TEXT        NOT NULL,
  status              TEXT        NOT NULL CHECK (status IN
    ('SUBMITTED', 'APPROVED', 'RETURNED', 'REJECTED', 'ACCEPTED', 'CANCELLED')),
  status_reason       TEXT,
  verification        TEXT        NOT NULL CHECK (verification IN ('PENDING', 'VERIFIED', 'MISMATCH')),
  mismatch_field      TEXT,
  verify_attempts     INTEGER     NOT NULL DEFAULT 0,
  verify_after        TIMESTAMPTZ NOT NULL,
  form_code           TEXT        NOT NULL UNIQUE CHECK (form_code ~ '^[0-9A-Z]{4}-[0-9A-Z]{4}$'),
  problem_report      TEXT,
  submitted_at        TIMESTAMPTZ NOT NULL,
  changed_at          TIMESTAMPTZ NOT NULL,
  version             INTEGER     NOT NULL DEFAULT 0,
  CHECK ((hukou_type = 'NON_LOCAL') = (hukou_district_code IS NULL)),
  CHECK ((hukou_type = 'NON_LOCAL') = (study_permit_number IS NOT NULL)),
  CHECK ((home_tenure = 'OWNED') = (certificate_date IS NOT NULL AND owner IS NOT NULL
                                    AND certificate_number IS NOT NULL))
);

-- R-P4: one active registration per child in the whole city. A cancelled or rejected
-- registration no longer counts; the child may register again.
CREATE UNIQUE INDEX primary_registration_one_active_idx ON primary_registration (year, child_id_hash)
  WHERE status NOT IN ('CANCELLED', 'REJECTED');

CREATE INDEX primary_registration_queue_idx ON primary_registration (district_code, year, status);
CREATE INDEX primary_registration_verify_idx ON primary_registration (verify_after)
  WHERE verification = 'PENDING' AND status NOT IN ('CANCELLED', 'REJECTED');
CREATE INDEX primary_registration_family_idx ON primary_registration (family_account);

CREATE TABLE primary_guardian
(
  registration_id UUID    NOT NULL REFERENCES primary_registration (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL CHECK (position BETWEEN 1 AND 2),
  name            TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  relation        TEXT    NOT NULL CHECK (relation IN ('FATHER', 'MOTHER', 'GRANDPARENT', 'OTHER')),
  id_sealed       BYTEA   NOT NULL,
  mobile          TEXT    NOT NULL CHECK (mobile ~ '^1[3-9][0-9]{9}$'),
  PRIMARY KEY (registration_id, position)
);
