-- A removed admin keeps their rows (launches and audit events name them) but cannot sign in or act.
ALTER TABLE portal_admin ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
