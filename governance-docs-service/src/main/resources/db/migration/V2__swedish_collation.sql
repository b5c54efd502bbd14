-- Swedish order for titles (å, ä, ö after z): ICU where the server has it, else the libc locale.
do $$
begin
    begin
        create collation if not exists swedish (provider = icu, locale = 'sv-SE');
    exception when others then
        create collation if not exists swedish (locale = 'sv_SE.UTF-8');
    end;
exception when others then
    raise warning 'no Swedish collation available: titles sort in the default order';
    create collation if not exists swedish from "default";
end $$;
