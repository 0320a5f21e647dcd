<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/action_registry.py" line="48"/>
        <source>&amp;New patient…</source>
        <translation>&amp;Nuevo paciente…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="50"/>
        <source>Patient &amp;details…</source>
        <translation>&amp;Datos del paciente…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="52"/>
        <source>New &amp;plan</source>
        <translation>Nuevo &amp;plan</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="54"/>
        <source>&amp;Archive patient</source>
        <translation>&amp;Archivar paciente</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="56"/>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Vista previa de impresión…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="58"/>
        <source>&amp;Print handout…</source>
        <translation>&amp;Imprimir hoja…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="60"/>
        <source>Save handout as P&amp;DF…</source>
        <translation>Guardar hoja como P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="62"/>
        <source>Clinician &amp;summary…</source>
        <translation>&amp;Resumen clínico…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="64"/>
        <source>P&amp;harmacy sheet…</source>
        <translation>Hoja de &amp;farmacia…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="66"/>
        <source>&amp;Export plan file…</source>
        <translation>&amp;Exportar archivo del plan…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="68"/>
        <source>Export to &amp;calendar…</source>
        <translation>Exportar al &amp;calendario…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="70"/>
        <source>Export &amp;FHIR…</source>
        <translation>Exportar FHI&amp;R…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="72"/>
        <source>&amp;Import plan file…</source>
        <translation>I&amp;mportar archivo del plan…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="74"/>
        <source>&amp;Open records file…</source>
        <translation>&amp;Abrir archivo de registros…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="76"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="78"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="80"/>
        <source>Insert &amp;hold…</source>
        <translation>Insertar &amp;pausa…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="82"/>
        <source>Insert 1-week hold</source>
        <translation>Insertar pausa de 1 semana</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="84"/>
        <source>Insert 2-week hold</source>
        <translation>Insertar pausa de 2 semanas</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="86"/>
        <source>&amp;Remove hold</source>
        <translation>&amp;Quitar pausa</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="88"/>
        <source>&amp;Back-step…</source>
        <translation>&amp;Volver a la dosis anterior…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="90"/>
        <source>Add &amp;assessment…</source>
        <translation>Añadir &amp;evaluación…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="92"/>
        <source>Ac&amp;knowledge warning…</source>
        <translation>Con&amp;firmar aviso…</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="94"/>
        <source>&amp;Fit plan</source>
        <translation>&amp;Ajustar plan</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="96"/>
        <source>&amp;About TaperDesk</source>
        <translation>&amp;Acerca de TaperDesk</translation>
    </message>
    <message>
        <location filename="../../ui/action_registry.py" line="97"/>
        <source>Clinical &amp;sources</source>
        <translation>&amp;Fuentes clínicas</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window.py" line="123"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="126"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="131"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="136"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
</context>
</TS>
