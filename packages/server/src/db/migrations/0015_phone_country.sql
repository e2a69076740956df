-- The country a booking's phone number written without +country is read in. A workspace may set
-- its own (NULL: none); otherwise the connected Location's, which HighLevel returns as
-- `location.country` from GET /locations/{locationId}
-- (https://marketplace.gohighlevel.com/docs/ghl/locations/get-location) and which is recorded on
-- connect and on each background check (NULL until then for connections made before this).
ALTER TABLE workspaces ADD COLUMN default_country text;
ALTER TABLE gohighlevel_connections ADD COLUMN location_country text;
