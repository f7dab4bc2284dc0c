-- Admins are MSP admins (no client org) or org admins of one client org of their MSP.
ALTER TABLE msp_admin RENAME TO portal_admin;

ALTER TABLE portal_admin ADD COLUMN client_org_id UUID REFERENCES client_org (id);

CREATE INDEX portal_admin_client_org ON portal_admin (client_org_id);

