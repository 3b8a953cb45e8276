-- R-P7, R-P15: the five-certificate review (五证审核) that ends in a study permit.

-- The documents a district requires and what each needs, per year. A district's list of
-- year Y is its own list with the latest from_year <= Y; without one, the city's
-- (district_code 110000, Beijing's own code) with the latest from_year <= Y. A list stays
-- in force until a later one replaces it.
CREATE TABLE permit_document
(
  district_code CHAR(6) NOT NULL CHECK (district_code ~ '^11[0-9]{4}$'),
  from_year     INTEGER NOT NULL CHECK (from_year BETWEEN 2000 AND 2100),
  position      INTEGER NOT NULL CHECK (position BETWEEN 1 AND 12),
  code          TEXT    NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
  name          TEXT    NOT NULL,
  name_en       TEXT    NOT NULL,
  -- one field a line: label|label_en|required (true/false)|kind (TEXT, DATE)
  fields        TEXT    NOT NULL,
  min_scans     INTEGER NOT NULL CHECK (min_scans BETWEEN 0 AND 10),
  max_scans     INTEGER NOT NULL CHECK (max_scans BETWEEN 1 AND 10),
  CHECK (min_scans <= max_scans),
  PRIMARY KEY (district_code, from_year, position),
  UNIQUE (district_code, from_year, code)
);

-- the historical five certificates (五证, 2014 to 2022) and the four documents since 2023
INSERT INTO permit_document (district_code, from_year, position, code, name, name_en, fields, min_scans, max_scans)
VALUES
  ('110000', 2014, 1, 'EMPLOYMENT', '在京务工就业证明', 'Proof of employment in Beijing',
   E'工作单位|Employer|true|TEXT\n劳动合同或营业执照编号|Labour contract or business licence number|true|TEXT\n就业起始日期|Employed since|true|DATE',
   1, 3),
  ('110000', 2014, 2, 'RESIDENCE', '在京实际住所居住证明', 'Proof of actual residence in Beijing',
   E'居住地址|Address of residence|true|TEXT\n房屋租赁合同或产权证编号|Lease or property certificate number|true|TEXT',
   1, 3),
  ('110000', 2014, 3, 'HUKOU_BOOK', '全家户口簿', 'Family hukou book',
   E'户主姓名|Head of household|true|TEXT\n户籍地址|Hukou address|true|TEXT', 1, 5),
  ('110000', 2014, 4, 'TEMPORARY_RESIDENCE', '北京市暂住证或居住证', 'Beijing temporary residence or residence permit',
   E'证件号码|Permit number|true|TEXT\n有效期至|Valid until|true|DATE', 1, 2),
  ('110000', 2014, 5, 'NO_GUARDIAN', '户籍所在地无监护条件证明', 'No guardian at the hukou place',
   E'出具机关|Issued by|true|TEXT\n出具日期|Issued on|true|DATE', 1, 2),
  ('110000', 2023, 1, 'EMPLOYMENT', '在京务工就业材料', 'Employment in Beijing',
   E'工作单位|Employer|true|TEXT\n社保或营业执照编号|Social insurance or business licence number|true|TEXT\n就业起始日期|Employed since|true|DATE',
   1, 3),
  ('110000', 2023, 2, 'RESIDENCE', '在京实际住所居住材料', 'Actual residence in Beijing',
   E'居住地址|Address of residence|true|TEXT\n房屋租赁合同或产权证编号|Lease or property certificate number|true|TEXT',
   1, 3),
  ('110000', 2023, 3, 'HUKOU_BOOK', '全家户口簿', 'Family hukou book',
   E'户主姓名|Head of household|true|TEXT\n户籍地址|Hukou address|true|TEXT', 1, 5),
  ('110000', 2023, 4, 'RESIDENCE_PERMIT', '北京市居住证', 'Beijing residence permit',
   E'居住证号码|Residence permit number|true|TEXT\n有效期至|Valid until|true|DATE', 1, 2);

-- R-P15: the day from which a district releases its decisions to families (2017: 05-16).
-- Without a row the calendar's STUDY_PERMIT_RESULTS phase of the year applies.
CREATE TABLE permit_publication
(
  district_code CHAR(6) NOT NULL REFERENCES district (code),
  year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  publishes_on  DATE    NOT NULL,
  PRIMARY KEY (district_code, year)
);

CREATE SEQUENCE permit_application_number_seq;

-- A family's application in one district. A decision (APPROVED, REJECTED) stays unknown to
-- the family until released_at, which is set on or after the publication day.
CREATE TABLE permit_application
(
  id              UUID PRIMARY KEY,
  number          TEXT        NOT NULL UNIQUE,
  year            INTEGER     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  district_code   CHAR(6)     NOT NULL REFERENCES district (code),
  family_account  UUID        NOT NULL REFERENCES family_account (account_id),
  child_id_hash   BYTEA       NOT NULL,
  child_id_sealed BYTEA       NOT NULL,
  child_name      TEXT        NOT NULL,
  status          TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'MORE_REQUESTED', 'APPROVED',
                                                         'REJECTED', 'WITHDRAWN', 'REVOKED')),
  request_note    TEXT,
  request_due_on  DATE,
  decision_reason TEXT,
  decided_at      TIMESTAMPTZ,
  decided_by      TEXT,
  released_at     TIMESTAMPTZ,
  permit_number   TEXT REFERENCES study_permit (number),
  created_at      TIMESTAMPTZ NOT NULL,
  submitted_at    TIMESTAMPTZ,
  changed_at      TIMESTAMPTZ NOT NULL,
  version         INTEGER     NOT NULL DEFAULT 0,
  CHECK ((status = 'MORE_REQUESTED') = (request_note IS NOT NULL AND request_due_on IS NOT NULL)),
  CHECK ((status IN ('APPROVED', 'REJECTED', 'REVOKED')) = (decided_at IS NOT NULL)),
  CHECK (status <> 'REJECTED' OR decision_reason IS NOT NULL),
  CHECK (permit_number IS NULL OR released_at IS NOT NULL)
);

-- R-P15: one district at a time: one open application per child and year, city-wide
CREATE UNIQUE INDEX permit_application_one_open_idx ON permit_application (year, child_id_hash)
  WHERE status NOT IN ('WITHDRAWN', 'REJECTED', 'REVOKED');
CREATE INDEX permit_application_queue_idx ON permit_application (district_code, year, status);
CREATE INDEX permit_application_family_idx ON permit_application (family_account);
CREATE INDEX permit_application_release_idx ON permit_application (district_code, year)
  WHERE decided_at IS NOT NULL AND released_at IS NULL;

-- Each application's documents as the district required them when it was started, so that
-- a later change of the district's list does not change an application under way.
CREATE TABLE permit_application_document
(
  application_id UUID    NOT NULL REFERENCES permit_application (id),
  position       INTEGER NOT NULL,
  code           TEXT    NOT NULL,
  name           TEXT    NOT NULL,
  name_en        TEXT    NOT NULL,
  min_scans      INTEGER NOT NULL,
  max_scans      INTEGER NOT NULL,
  -- the district's check of this document
  check_result   TEXT    NOT NULL DEFAULT 'UNCHECKED' CHECK (check_result IN ('UNCHECKED', 'ACCEPTED', 'INSUFFICIENT')),
  check_note     TEXT,
  CHECK (check_result <> 'INSUFFICIENT' OR check_note IS NOT NULL),
  PRIMARY KEY (application_id, position)
);

CREATE TABLE permit_application_field
(
  application_id UUID    NOT NULL,
  document       INTEGER NOT NULL,
  position       INTEGER NOT NULL,
  label          TEXT    NOT NULL,
  label_en       TEXT    NOT NULL,
  required       BOOLEAN NOT NULL,
  kind           TEXT    NOT NULL CHECK (kind IN ('TEXT', 'DATE')),
  value          TEXT,
  PRIMARY KEY (application_id, document, position),
  FOREIGN KEY (application_id, document) REFERENCES permit_application_document (application_id, position)
);

-- The scans, in the database rather than on a node's disk: app nodes stay stateless, the
-- scans follow the database's backups and access control, and nothing is ever under the
-- web root. The name is for display only; content_type is what the content was recognised
-- as, never what the browser claimed.
CREATE TABLE permit_scan
(
  id             UUID PRIMARY KEY,
  application_id UUID        NOT NULL,
  document       INTEGER     NOT NULL,
  file_name      TEXT        NOT NULL CHECK (file_name !~ '[/\\]' AND length(file_name) BETWEEN 1 AND 120),
  content_type   TEXT        NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size           INTEGER     NOT NULL CHECK (size > 0),
  sha256         TEXT        NOT NULL,
  uploaded_at    TIMESTAMPTZ NOT NULL,
  FOREIGN KEY (application_id, document) REFERENCES permit_application_document (application_id, position)
);

CREATE INDEX permit_scan_application_idx ON permit_scan (application_id, document);

CREATE TABLE permit_scan_content
(
  scan_id UUID PRIMARY KEY REFERENCES permit_scan (id) ON DELETE CASCADE,
  content BYTEA NOT NULL
);
