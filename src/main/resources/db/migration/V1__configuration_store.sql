-- Workspaces, Segment destinations, their actions and the daily IP-hash salts.
-- Written in SQL that H2 and PostgreSQL both accept.

create table workspace (
    id             varchar(128) primary key,
    plan           varchar(16)  not null,
    strict_privacy boolean      not null,
    updated_at     timestamp with time zone not null
);

create table destination (
    id                 varchar(36)  primary key,
    workspace_id       varchar(128) not null,
    type               varchar(16)  not null,
    name               varchar(200) not null,
    region             varchar(2)   not null,
    -- AES-GCM ciphertext of the write key, never the key itself
    write_key_sealed   varchar(1024) not null,
    write_key_hint     varchar(4)   not null,
    write_key_verified boolean      not null,
    enabled            boolean      not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint destination_name_unique unique (workspace_id, name)
);

create index destination_workspace on destination (workspace_id);

create table action (
    id             varchar(36)   primary key,
    destination_id varchar(36)   not null references destination (id) on delete cascade,
    name           varchar(200)  not null,
    trigger_json   varchar(65535) not null,
    event_names    varchar(65535) not null,
    mapping_json   varchar(65535) not null,
    enabled        boolean       not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);

create index action_destination on action (destination_id);

create table privacy_salt (
    salt_day   date        primary key,
    salt_hex   varchar(64) not null,
    created_at timestamp with time zone not null
);
