-- R-P11: the local adapter's population register. It stands in for the public-security
-- system (人口信息查询系统) the platform verifies identities against, so this table is that
-- external system's own store, not the platform's data: its ID-card numbers are plaintext
-- here. The platform's own tables keep ID numbers encrypted at rest (DESIGN.md).
CREATE TABLE population_person
(
  id_number           CHAR(18) PRIMARY KEY CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
  name                TEXT NOT NULL,
  sex                 TEXT NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
  birth_date          DATE NOT NULL,
  hukou_type          TEXT NOT NULL CHECK (hukou_type IN ('BEIJING', 'BEIJING_COLLECTIVE', 'NON_LOCAL')),
  -- the Beijing district holding the hukou; none for a hukou in another province
  hukou_district_code CHAR(6) REFERENCES district (code),
  -- where the person lives in Beijing
  address_street_code CHAR(9) NOT NULL REFERENCES street (code),
  address             TEXT NOT NULL,
  -- GB 11643-1999: the 17th digit is odd for men
  CHECK ((substr(id_number, 17, 1)::INTEGER % 2 = 1) = (sex = 'MALE')),
  CHECK ((hukou_type = 'NON_LOCAL') = (hukou_district_code IS NULL))
);
