-- A portal e-mail address is unique within an organization, not across the installation:
-- a global index let any tenant learn, by a refused invitation, that an address belongs to
-- a patient of another organization (42 CFR Part 2 treats that fact itself as protected).
-- Sign-in tries each organization's account with that address.
DROP INDEX patient_accounts_email_key;
CREATE UNIQUE INDEX patient_accounts_email_key ON patient_accounts (org_id, lower(email));
