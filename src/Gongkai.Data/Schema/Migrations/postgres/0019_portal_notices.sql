-- Every web node keeps the portal's pages and the data they share in memory. A change to what the
-- portal shows is announced on the channel gongkai_portal; PostgreSQL delivers it when the
-- transaction commits (once per transaction), to every node listening, and each drops its copies.
-- Changes made by the gongkai command or by hand in psql are announced the same way.
CREATE FUNCTION gongkai_portal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('gongkai_portal', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER agencies_portal_notice AFTER INSERT OR UPDATE OR DELETE ON agencies
    FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();
CREATE TRIGGER info_items_portal_notice AFTER INSERT OR UPDATE OR DELETE ON info_items
    FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();
CREATE TRIGGER item_attachments_portal_notice AFTER INSERT OR UPDATE OR DELETE ON item_attachments
    FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();
CREATE TRIGGER annual_reports_portal_notice AFTER INSERT OR UPDATE OR DELETE ON annual_reports
    FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed();
