<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>About</name>
    <message>
        <location filename="../../taperdesk/ui/about.py" line="35"/>
        <source>TaperDesk {0}</source>
        <translation>TaperDesk {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/about.py" line="36"/>
        <source>Plan, adjust, document and print benzodiazepine tapers. Offline; records stay on this PC.</source>
        <translation>Planifique, ajuste, documente e imprima reducciones de benzodiacepinas. Sin conexión; los registros se quedan en este PC.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/about.py" line="38"/>
        <source>Records file: {0}</source>
        <translation>Archivo de registros: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/about.py" line="39"/>
        <source>TaperDesk&apos;s window uses Qt {0} through PySide6 {1} (Qt for Python), used under the GNU Lesser General Public License version 3 (LGPLv3). They are unchanged and are separate libraries you may replace with your own build. Their source code: {2} (Qt) and {3} (PySide6, Shiboken6).</source>
        <translation>La ventana de TaperDesk usa Qt {0} mediante PySide6 {1} (Qt for Python), bajo la Licencia Pública General Reducida de GNU, versión 3 (LGPLv3). No están modificadas y son bibliotecas separadas que puede sustituir por su propia compilación. Su código fuente: {2} (Qt) y {3} (PySide6, Shiboken6).</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/about.py" line="44"/>
        <source>The licence texts (LGPL-3.0.txt, GPL-3.0.txt) and the other libraries&apos; notices are in {0}.</source>
        <translation>Los textos de las licencias (LGPL-3.0.txt, GPL-3.0.txt) y los avisos de las demás bibliotecas están en {0}.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/about.py" line="51"/>
        <source>About TaperDesk</source>
        <translation>Acerca de TaperDesk</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="56"/>
        <source>&amp;New patient…</source>
        <translation>&amp;Nuevo paciente…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="58"/>
        <source>Add a patient</source>
        <translation>Añadir un paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="61"/>
        <source>Patient &amp;details…</source>
        <translation>&amp;Datos del paciente…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="63"/>
        <source>Name, date of birth, clinic ID, opioid flag</source>
        <translation>Nombre, fecha de nacimiento, n.º de historia, indicador de opioides</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="66"/>
        <source>New &amp;plan</source>
        <translation>Nuevo &amp;plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="68"/>
        <source>Create a plan for the patient</source>
        <translation>Crear un plan para el paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="71"/>
        <source>&amp;Archive patient</source>
        <translation>&amp;Archivar paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="73"/>
        <source>Hide the patient from the list (kept on record)</source>
        <translation>Ocultar al paciente de la lista (sigue registrado)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="76"/>
        <source>Print pre&amp;view…</source>
        <translation>&amp;Vista previa de impresión…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="78"/>
        <source>Preview the patient handout</source>
        <translation>Vista previa de la hoja para el paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="81"/>
        <source>&amp;Print handout…</source>
        <translation>&amp;Imprimir hoja…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="83"/>
        <source>Print the patient handout</source>
        <translation>Imprimir la hoja para el paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="86"/>
        <source>Save handout as P&amp;DF…</source>
        <translation>Guardar hoja como P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="88"/>
        <source>Save the patient handout</source>
        <translation>Guardar la hoja para el paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="91"/>
        <source>Clinician &amp;summary…</source>
        <translation>&amp;Resumen clínico…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="93"/>
        <source>Preview the clinician summary</source>
        <translation>Vista previa del resumen clínico</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="96"/>
        <source>P&amp;harmacy sheet…</source>
        <translation>Hoja de &amp;farmacia…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="98"/>
        <source>Preview the pharmacy sheet</source>
        <translation>Vista previa de la hoja para la farmacia</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="101"/>
        <source>&amp;Export plan file…</source>
        <translation>&amp;Exportar archivo del plan…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="103"/>
        <source>Write the plan to a .taper.json file</source>
        <translation>Guardar el plan en un archivo .taper.json</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="106"/>
        <source>Export to &amp;calendar…</source>
        <translation>Exportar al &amp;calendario…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="108"/>
        <source>Write the plan&apos;s dose changes as a calendar file (.ics) for a phone</source>
        <translation>Guardar los cambios de dosis del plan como archivo de calendario (.ics) para el teléfono</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="113"/>
        <source>Export &amp;FHIR…</source>
        <translation>Exportar FHI&amp;R…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="115"/>
        <source>Write the plan as a FHIR R4 Bundle for an EHR</source>
        <translation>Guardar el plan como Bundle FHIR R4 para una historia clínica electrónica</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="118"/>
        <source>&amp;Import plan file…</source>
        <translation>I&amp;mportar archivo del plan…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="120"/>
        <source>Add a plan from a .taper.json file</source>
        <translation>Añadir un plan desde un archivo .taper.json</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="123"/>
        <source>&amp;Open records file…</source>
        <translation>&amp;Abrir archivo de registros…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="125"/>
        <source>Use another records file (e.g. on a clinic share), now and from now on</source>
        <translation>Usar otro archivo de registros (p. ej., en una carpeta compartida de la clínica), ahora y en adelante</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="130"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="132"/>
        <source>Clinic name, phone, next appointment</source>
        <translation>Nombre de la clínica, teléfono, próxima cita</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="135"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="137"/>
        <source>Close TaperDesk (everything is saved)</source>
        <translation>Cerrar TaperDesk (todo queda guardado)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="140"/>
        <source>Insert &amp;hold…</source>
        <translation>Insertar &amp;pausa…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="142"/>
        <source>Hold the dose of the selected step</source>
        <translation>Mantener la dosis del paso seleccionado</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="145"/>
        <source>Insert 1-week hold</source>
        <translation>Insertar pausa de 1 semana</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="147"/>
        <source>Hold the selected step&apos;s dose 7 days</source>
        <translation>Mantener 7 días la dosis del paso seleccionado</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="150"/>
        <source>Insert 2-week hold</source>
        <translation>Insertar pausa de 2 semanas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="152"/>
        <source>Hold the selected step&apos;s dose 14 days</source>
        <translation>Mantener 14 días la dosis del paso seleccionado</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="155"/>
        <source>&amp;Remove hold</source>
        <translation>&amp;Quitar pausa</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="157"/>
        <source>Remove the selected hold or back-step (Delete in the step table)</source>
        <translation>Quitar la pausa o el retroceso seleccionado (Supr en la tabla de pasos)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="162"/>
        <source>&amp;Back-step…</source>
        <translation>&amp;Volver a la dosis anterior…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="164"/>
        <source>Return to the previous dose for a time</source>
        <translation>Volver a la dosis anterior durante un tiempo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="167"/>
        <source>Add &amp;assessment…</source>
        <translation>Añadir &amp;evaluación…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="169"/>
        <source>Record symptom scores</source>
        <translation>Registrar puntuaciones de síntomas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="172"/>
        <source>Ac&amp;knowledge warning…</source>
        <translation>Con&amp;firmar aviso…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="174"/>
        <source>Acknowledge the selected warning</source>
        <translation>Confirmar la advertencia seleccionada</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="177"/>
        <source>&amp;Fit plan</source>
        <translation>&amp;Ajustar plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="179"/>
        <source>Show the whole plan on the chart</source>
        <translation>Mostrar todo el plan en el gráfico</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="181"/>
        <source>&amp;About TaperDesk</source>
        <translation>&amp;Acerca de TaperDesk</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="183"/>
        <source>Clinical &amp;sources</source>
        <translation>&amp;Fuentes clínicas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="185"/>
        <source>The sources of every rule TaperDesk applies</source>
        <translation>Las fuentes de cada regla que aplica TaperDesk</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="188"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="190"/>
        <source>Sign out, hiding patient data, so someone else can sign in</source>
        <translation>Cerrar sesión y ocultar los datos de los pacientes para que otra persona pueda iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="193"/>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="195"/>
        <source>Who needs the clinic today, across every patient</source>
        <translation>Quién necesita a la clínica hoy, entre todos los pacientes</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="198"/>
        <source>Print the &amp;day…</source>
        <translation>Imprimir el &amp;día…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="200"/>
        <source>A one-page worklist of Today</source>
        <translation>Una lista de trabajo de Hoy en una página</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="203"/>
        <source>Print this &amp;week&apos;s handouts…</source>
        <translation>Imprimir las hojas de esta &amp;semana…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="205"/>
        <source>One PDF: the handout of every patient whose dose changes this week</source>
        <translation>Un solo PDF: la hoja de cada paciente cuya dosis cambia esta semana</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="210"/>
        <source>New a&amp;ppointment…</source>
        <translation>Nueva ci&amp;ta…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="212"/>
        <source>Book a visit or a phone check-in for the patient</source>
        <translation>Programar una consulta o un control telefónico para el paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="215"/>
        <source>Propose &amp;check-ins…</source>
        <translation>Proponer &amp;controles…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/action_registry.py" line="217"/>
        <source>Book the check-ins the check-in rule proposes for the plan</source>
        <translation>Programar los controles que la regla de controles propone para el plan</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../taperdesk/ui/appointments_dialog.py" line="67"/>
        <source>HH:MM (blank: any time that day)</source>
        <translation>HH:MM (en blanco: a cualquier hora ese día)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments_dialog.py" line="74"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments_dialog.py" line="75"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments_dialog.py" line="76"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments_dialog.py" line="77"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>AppointmentsPanel</name>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="42"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="42"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="42"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="43"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="47"/>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="48"/>
        <source>The patient&apos;s visits and phone check-ins; Enter changes one, Delete cancels it</source>
        <translation>Las consultas y los controles telefónicos del paciente; Intro modifica uno, Supr lo anula</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="55"/>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="56"/>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="57"/>
        <source>Cancel it</source>
        <translation>Anular cita</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="58"/>
        <source>Cancel the selected appointment (kept on record; Undo brings it back)</source>
        <translation>Anular la cita seleccionada (sigue registrada; Deshacer la recupera)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="60"/>
        <source>Propose check-ins…</source>
        <translation>Proponer controles…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="124"/>
        <source>{0} check-ins not booked yet for this plan (the check-in rule). Propose check-ins… books them.</source>
        <translation>{0} controles aún sin programar para este plan (la regla de controles). Proponer controles… los programa.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="157"/>
        <source>Choose a patient first.</source>
        <translation>Elija primero un paciente.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="166"/>
        <location filename="../../taperdesk/ui/appointments.py" line="175"/>
        <source>Select an appointment first.</source>
        <translation>Seleccione primero una cita.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments.py" line="181"/>
        <source>Nothing to propose: every check-in of the plan from today is booked.</source>
        <translation>Nada que proponer: todos los controles del plan a partir de hoy están programados.</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="61"/>
        <source>Add assessment</source>
        <translation>Añadir evaluación</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="71"/>
        <source>{0}
Source: {1}</source>
        <translation>{0}
Fuente: {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="89"/>
        <source>Red flags: any one is urgent</source>
        <translation>Señales de alarma: cualquiera de ellas es urgente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="95"/>
        <source>Source: {0}</source>
        <translation>Fuente: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="100"/>
        <source>e.g. phone check-in; sleeping poorly since the last cut</source>
        <translation>p. ej., control telefónico; duerme mal desde la última reducción</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="108"/>
        <source>Scale</source>
        <translation>Escala</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="110"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="119"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="141"/>
        <source>{0}. Source: {1}</source>
        <translation>{0}. Fuente: {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="145"/>
        <source>Score each item: {0}</source>
        <translation>Puntúe cada ítem: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="152"/>
        <source>{0}: {1} to {2}. {3}</source>
        <translation>{0}: {1} a {2}. {3}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="158"/>
        <source> (observed)</source>
        <translation> (observado)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="168"/>
        <source>Total {0} of {1}: {2}</source>
        <translation>Total {0} de {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="172"/>
        <source> (reaches the hold threshold, the {0} band)</source>
        <translation> (alcanza el umbral de pausa, nivel {0})</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="176"/>
        <source>Bands: {0}</source>
        <translation>Niveles: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/assessment_dialog.py" line="191"/>
        <source>An assessment records what was found; it cannot be dated after today ({0:%d %b %Y}).</source>
        <translation>Una evaluación registra lo que se encontró; no puede tener fecha posterior a hoy ({0:%d %b %Y}).</translation>
    </message>
</context>
<context>
    <name>ChartLayers</name>
    <message>
        <location filename="../../taperdesk/ui/chart_layers.py" line="74"/>
        <source>Hold</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_layers.py" line="75"/>
        <source>Back-step</source>
        <translation>Retroceso</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_layers.py" line="82"/>
        <source>{0} {1} d</source>
        <translation>{0} {1} d</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_layers.py" line="87"/>
        <source>{0}: {1} mg/day for {2} days, {3:%d %b %Y} to {4:%d %b %Y}
{5}
Source: {6}</source>
        <translation>{0}: {1} mg/día durante {2} días, del {3:%d %b %Y} al {4:%d %b %Y}
{5}
Fuente: {6}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_layers.py" line="136"/>
        <source>Symptom total</source>
        <translation>Total de síntomas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_layers.py" line="143"/>
        <source>{0} total</source>
        <translation>total de {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_layers.py" line="162"/>
        <source>{0} {1}: {2}–{3}. Bands: {4}</source>
        <translation>{0} {1}: {2}–{3}. Niveles: {4}</translation>
    </message>
</context>
<context>
    <name>ChartSummary</name>
    <message>
        <location filename="../../taperdesk/ui/chart_summary.py" line="25"/>
        <source>{0} to {1}: from {2} mg/day of {0} ({3} mg/day diazepam-equivalent), {4} steps ({5} holds or back-steps) from {6:%d %b %Y}, last dose on {7:%d %b %Y}, stop {8:%d %b %Y}.</source>
        <translation>De {0} a {1}: desde {2} mg/día de {0} ({3} mg/día equivalentes en diazepam), {4} pasos ({5} pausas o retrocesos) desde el {6:%d %b %Y}, última dosis el {7:%d %b %Y}, fin el {8:%d %b %Y}.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_summary.py" line="34"/>
        <source>Two drugs a day on {0} steps: {1}.</source>
        <translation>Dos fármacos al día en {0} pasos: {1}.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_summary.py" line="41"/>
        <source> + </source>
        <translation> + </translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_summary.py" line="42"/>
        <source>{0} {1} mg</source>
        <translation>{0} {1} mg</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_summary.py" line="44"/>
        <source>step {0}, {1:%d %b %Y} to {2:%d %b %Y}: {3} a day ({4} mg/day diazepam-equivalent)</source>
        <translation>paso {0}, del {1:%d %b %Y} al {2:%d %b %Y}: {3} al día ({4} mg/día equivalentes en diazepam)</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="27"/>
        <source>Select a warning to light its steps in the table and the chart.</source>
        <translation>Seleccione una advertencia para resaltar sus pasos en la tabla y el gráfico.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="51"/>
        <source>&amp;Acknowledge…</source>
        <translation>&amp;Confirmar…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="98"/>
        <source>No warnings for this plan.</source>
        <translation>No hay advertencias para este plan.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="128"/>
        <source>[{0}] Source: {1}</source>
        <translation>[{0}] Fuente: {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="131"/>
        <source>Acknowledged by {0}, {1}: {2}</source>
        <translation>Confirmada por {0}, {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="171"/>
        <source>Source: {0}</source>
        <translation>Fuente: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="183"/>
        <source>Steps {0}: lit in the table and chart.</source>
        <translation>Pasos {0}: resaltados en la tabla y el gráfico.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="184"/>
        <source>Step {0}: lit in the table and chart.</source>
        <translation>Paso {0}: resaltado en la tabla y el gráfico.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="186"/>
        <source>Concerns the whole plan.</source>
        <translation>Afecta a todo el plan.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="188"/>
        <source>{0}&lt;br&gt;&lt;b&gt;[{1}]&lt;/b&gt; {2}</source>
        <translation>{0}&lt;br&gt;&lt;b&gt;[{1}]&lt;/b&gt; {2}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="191"/>
        <source>&lt;br&gt;&lt;i&gt;Source: {0}&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;Fuente: {0}&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="193"/>
        <source>&lt;br&gt;Acknowledged by {0} on {1}: {2}</source>
        <translation>&lt;br&gt;Confirmada por {0} el {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="210"/>
        <source>Select a warning in the Checks panel first.</source>
        <translation>Seleccione primero una advertencia en el panel Comprobaciones.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="214"/>
        <source>Acknowledge warning</source>
        <translation>Confirmar advertencia</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="215"/>
        <source>{0}
Why is this acceptable here?</source>
        <translation>{0}
¿Por qué es aceptable en este caso?</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="18"/>
        <source>Above the maximum daily dose</source>
        <translation>Por encima de la dosis diaria máxima</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="19"/>
        <source>More than 25 % cut within 2 weeks</source>
        <translation>Reducción de más del 25 % en 2 semanas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="20"/>
        <source>First cut larger than 10 %</source>
        <translation>Primera reducción mayor del 10 %</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="21"/>
        <source>A step raises the dose</source>
        <translation>Un paso sube la dosis</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="22"/>
        <source>Dose the products cannot make</source>
        <translation>Dosis que los productos no permiten formar</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="23"/>
        <source>Last step stops from more than the smallest dose</source>
        <translation>El último paso suspende desde más de la dosis más pequeña</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="24"/>
        <source>Plan longer than 6 months</source>
        <translation>Plan de más de 6 meses</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="25"/>
        <source>Opioid co-prescription</source>
        <translation>Prescripción conjunta de opioides</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="28"/>
        <source>SEVERE</source>
        <translation>GRAVE</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="29"/>
        <source>ALERT</source>
        <translation>ALERTA</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="30"/>
        <source>WARNING</source>
        <translation>ADVERTENCIA</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="31"/>
        <source>ADVISORY</source>
        <translation>AVISO</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="161"/>
        <source> (steps {0}–{1}, from {2})</source>
        <translation> (pasos {0}–{1}, desde el {2})</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/checks.py" line="163"/>
        <source> (step {0}, {1})</source>
        <translation> (paso {0}, {1})</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../taperdesk/ui/commands.py" line="49"/>
        <source>Undo: {0}</source>
        <translation>Deshacer: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/commands.py" line="85"/>
        <source>Add assessment of {0:%d %b %Y}</source>
        <translation>Añadir evaluación del {0:%d %b %Y}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../taperdesk/ui/dialogs.py" line="162"/>
        <source>New patient</source>
        <translation>Nuevo paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dialogs.py" line="172"/>
        <source>Also prescribed an opioid (FDA boxed warning)</source>
        <translation>También tiene recetado un opioide (advertencia de recuadro de la FDA)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dialogs.py" line="179"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dialogs.py" line="180"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dialogs.py" line="181"/>
        <source>Clinic ID</source>
        <translation>N.º de historia clínica</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dialogs.py" line="183"/>
        <source>Handout language</source>
        <translation>Idioma de la hoja</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dialogs.py" line="191"/>
        <source>A date of birth between {0:%d/%m/%Y} and today, not {1:%d/%m/%Y}.</source>
        <translation>Una fecha de nacimiento entre el {0:%d/%m/%Y} y hoy, no el {1:%d/%m/%Y}.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dialogs.py" line="199"/>
        <source>Give the patient&apos;s name.</source>
        <translation>Escriba el nombre del paciente.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dialogs.py" line="226"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dialogs.py" line="233"/>
        <source>OK needs a reason: type one above (it is recorded with your name).</source>
        <translation>Aceptar necesita un motivo: escríbalo arriba (se registra con su nombre).</translation>
    </message>
</context>
<context>
    <name>DoseChart</name>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="88"/>
        <source>Daily dose (mg)</source>
        <translation>Dosis diaria (mg)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="98"/>
        <source>Daily dose</source>
        <translation>Dosis diaria</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="101"/>
        <source>Dose before the plan</source>
        <translation>Dosis antes del plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="129"/>
        <source>Dose chart</source>
        <translation>Gráfico de dosis</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="131"/>
        <source>Drag a step&apos;s level to change its dose, or its right end to change its length. Right-click a date for holds. Wheel: zoom the dates.</source>
        <translation>Arrastre el nivel de un paso para cambiar su dosis, o su extremo derecho para cambiar su duración. Clic derecho en una fecha para pausas. Rueda: acercar o alejar las fechas.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_summary.py" line="13"/>
        <source>No plan is open.</source>
        <translation>No hay ningún plan abierto.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_summary.py" line="18"/>
        <source>{0}: from {1} mg/day, {2} steps ({3} holds or back-steps) from {4:%d %b %Y}, last dose on {5:%d %b %Y}, stop {6:%d %b %Y}.</source>
        <translation>{0}: desde {1} mg/día, {2} pasos ({3} pausas o retrocesos) desde el {4:%d %b %Y}, última dosis el {5:%d %b %Y}, fin el {6:%d %b %Y}.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="271"/>
        <source>{0} total (right axis, shaded by band)</source>
        <translation>total de {0} (eje derecho, sombreado por nivel)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="274"/>
        <source>daily dose</source>
        <translation>dosis diaria</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="275"/>
        <source>dose before the plan</source>
        <translation>dosis antes del plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="276"/>
        <source>hold</source>
        <translation>pausa</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="277"/>
        <source>back-step</source>
        <translation>retroceso</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="278"/>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="402"/>
        <source>Drag step {0} to {1} mg/day</source>
        <translation>Arrastrar el paso {0} a {1} mg/día</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="405"/>
        <source>{0} mg/day</source>
        <translation>{0} mg/día</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="410"/>
        <source>Drag step {0} to {1} days</source>
        <translation>Arrastrar el paso {0} a {1} días</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="411"/>
        <source>{0} days</source>
        <translation>{0} días</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="443"/>
        <source>{0:%d %b %Y} is outside the plan</source>
        <translation>El {0:%d %b %Y} está fuera del plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="449"/>
        <source>1 week</source>
        <translation>1 semana</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="450"/>
        <source>2 weeks</source>
        <translation>2 semanas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="453"/>
        <source>Insert a {0} hold from {1:%a %d %b}</source>
        <translation>Insertar una pausa de {0} desde el {1:%a %d %b}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="456"/>
        <source>Insert a hold…</source>
        <translation>Insertar una pausa…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="460"/>
        <source>Remove this {0}</source>
        <translation>Quitar: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="463"/>
        <source>Remove the {0} at step {1}</source>
        <translation>Quitar ({0}) en el paso {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="471"/>
        <source>Back-step to the previous dose…</source>
        <translation>Retroceso a la dosis anterior…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="481"/>
        <source>Show the whole plan</source>
        <translation>Mostrar todo el plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="486"/>
        <source>Insert a {0}-day hold on {1:%d %b %Y}</source>
        <translation>Insertar una pausa de {0} días el {1:%d %b %Y}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/dose_chart.py" line="511"/>
        <source>Back-step on {0:%d %b %Y}</source>
        <translation>Retroceso el {0:%d %b %Y}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_layers.py" line="217"/>
        <source>{0} (mg/day)</source>
        <translation>{0} (mg/día)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/chart_layers.py" line="218"/>
        <source>the solid line is the diazepam-equivalent total ({0})</source>
        <translation>la línea continua es el total equivalente en diazepam ({0})</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="26"/>
        <source>TaperDesk plan (*.taper.json *.json)</source>
        <translation>Plan de TaperDesk (*.taper.json *.json)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="27"/>
        <source>TaperDesk records (*.sqlite3)</source>
        <translation>Registros de TaperDesk (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="28"/>
        <source>Calendar (*.ics)</source>
        <translation>Calendario (*.ics)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="29"/>
        <source>FHIR JSON (*.fhir.json *.json)</source>
        <translation>FHIR JSON (*.fhir.json *.json)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="45"/>
        <location filename="../../taperdesk/ui/file_actions.py" line="126"/>
        <source>Open a plan first.</source>
        <translation>Abra primero un plan.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="50"/>
        <source>Export plan file</source>
        <translation>Exportar archivo del plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="64"/>
        <location filename="../../taperdesk/ui/file_actions.py" line="144"/>
        <source>Could not export: {0}</source>
        <translation>No se pudo exportar: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="66"/>
        <source>Exported to {0}</source>
        <translation>Exportado a {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="73"/>
        <location filename="../../taperdesk/ui/file_actions.py" line="92"/>
        <source>Import plan file</source>
        <translation>Importar archivo del plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="93"/>
        <source>Nothing was imported.

{0}</source>
        <translation>No se importó nada.

{0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="103"/>
        <source>Export to calendar</source>
        <translation>Exportar al calendario</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="113"/>
        <source>Export FHIR</source>
        <translation>Exportar FHIR</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="130"/>
        <source>This plan has no steps to export.</source>
        <translation>Este plan no tiene pasos que exportar.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="147"/>
        <source>Exported the plan as a {0} to {1}</source>
        <translation>Plan exportado como {0} a {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="163"/>
        <source>Open records file</source>
        <translation>Abrir archivo de registros</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="172"/>
        <source>{0} is already open.</source>
        <translation>{0} ya está abierto.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="178"/>
        <source>Records file</source>
        <translation>Archivo de registros</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="179"/>
        <source>That file cannot be used.

{0}</source>
        <translation>Ese archivo no se puede usar.

{0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="189"/>
        <source> Its folder&apos;s clinic products file is used from the next start.</source>
        <translation> El archivo de productos de la clínica de su carpeta se usa a partir del próximo inicio.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="193"/>
        <source>Opened {0}.{1}</source>
        <translation>Abierto {0}.{1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="203"/>
        <source>Choose a patient first.</source>
        <translation>Elija primero un paciente.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="211"/>
        <source>Patient details</source>
        <translation>Datos del paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="216"/>
        <source>Details of {0}</source>
        <translation>Datos de {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="237"/>
        <source>The window speaks the chosen language from the next start.</source>
        <translation>La ventana usará el idioma elegido a partir del próximo inicio.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="242"/>
        <source>The clinic server setting is used from the next start of TaperDesk.</source>
        <translation>El ajuste del servidor de la clínica se usa a partir del próximo inicio de TaperDesk.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="254"/>
        <source>Clinical sources</source>
        <translation>Fuentes clínicas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="261"/>
        <source>{0}: {1}
Source: {2}</source>
        <translation>{0}: {1}
Fuente: {2}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="265"/>
        <source>Holds: {0}</source>
        <translation>Pausas: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/file_actions.py" line="266"/>
        <source>{0} [{1}]
Source: {2}</source>
        <translation>{0} [{1}]
Fuente: {2}</translation>
    </message>
</context>
<context>
    <name>HandoutActions</name>
    <message>
        <location filename="../../taperdesk/ui/handout_actions.py" line="22"/>
        <source>Patient handout</source>
        <translation>Hoja para el paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/handout_actions.py" line="23"/>
        <source>Clinician summary</source>
        <translation>Resumen clínico</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/handout_actions.py" line="24"/>
        <source>Pharmacy sheet</source>
        <translation>Hoja para la farmacia</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/handout_actions.py" line="37"/>
        <source>The acknowledgements could not be read: {0}</source>
        <translation>No se pudieron leer las confirmaciones: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/handout_actions.py" line="43"/>
        <source>No handout yet: the severe warning &quot;{0}&quot; is not acknowledged. Acknowledge it in Checks first (select it, then Acknowledge… with a reason).</source>
        <translation>Aún no hay hoja: la advertencia grave «{0}» no está confirmada. Confírmela primero en Comprobaciones (selecciónela y pulse Confirmar… con un motivo).</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/handout_actions.py" line="102"/>
        <source>The handout could not be made: {0}</source>
        <translation>No se pudo crear la hoja: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/handout_actions.py" line="106"/>
        <source>Open a patient with a plan first.</source>
        <translation>Abra primero un paciente con un plan.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/handout_actions.py" line="114"/>
        <source>The {0} could not be made: {1}</source>
        <translation>No se pudo crear el documento ({0}): {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/handout_actions.py" line="123"/>
        <source>{0}-{1}.pdf</source>
        <translation>{0}-{1}.pdf</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/handout_actions.py" line="140"/>
        <source>Print anyway</source>
        <translation>Imprimir de todos modos</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/handout_actions.py" line="163"/>
        <source>Check the handout&apos;s details</source>
        <translation>Revise los datos de la hoja</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/handout_actions.py" line="165"/>
        <source>

Clinic details are in File ▸ Settings.</source>
        <translation>

Los datos de la clínica están en Archivo ▸ Configuración.</translation>
    </message>
</context>
<context>
    <name>HoldDialogs</name>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="38"/>
        <source>Same pace as before</source>
        <translation>Mismo ritmo que antes</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="39"/>
        <source>Slower: later steps 1½ times as long (150 %)</source>
        <translation>Más lento: los pasos siguientes duran 1½ veces más (150 %)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="40"/>
        <source>Slower: later steps twice as long (200 %)</source>
        <translation>Más lento: los pasos siguientes duran el doble (200 %)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="41"/>
        <source>Slower, by another amount…</source>
        <translation>Más lento, en otra proporción…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="45"/>
        <source>1 week</source>
        <translation>1 semana</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="46"/>
        <source>2 weeks</source>
        <translation>2 semanas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="84"/>
        <source>Source: {0}</source>
        <translation>Fuente: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="106"/>
        <source>Insert a hold</source>
        <translation>Insertar una pausa</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="115"/>
        <source>Custom:</source>
        <translation>Otro:</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="119"/>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="190"/>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="135"/>
        <source>Later protocol steps last this much of their planned length</source>
        <translation>Los pasos posteriores del protocolo duran esta proporción de lo previsto</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="148"/>
        <source>e.g. CIWA-B 24, poor sleep since the last cut</source>
        <translation>p. ej., CIWA-B 24, duerme mal desde la última reducción</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="150"/>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="196"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="151"/>
        <source>Stay on the dose for</source>
        <translation>Mantener la dosis durante</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="152"/>
        <source>Then resume</source>
        <translation>Después, reanudar</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="153"/>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="198"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="184"/>
        <source>Back-step to the previous dose</source>
        <translation>Retroceso a la dosis anterior</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="194"/>
        <source>required: why the previous dose again</source>
        <translation>obligatorio: por qué otra vez la dosis anterior</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="197"/>
        <source>For</source>
        <translation>Durante</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_dialogs.py" line="204"/>
        <source>Give the reason for the back-step; it is recorded with the plan.</source>
        <translation>Indique el motivo del retroceso; se registra con el plan.</translation>
    </message>
</context>
<context>
    <name>HoldSuggestion</name>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="35"/>
        <source>Suggested hold accepted</source>
        <translation>Pausa sugerida aceptada</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="36"/>
        <source>Suggested hold changed</source>
        <translation>Pausa sugerida modificada</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="37"/>
        <source>Suggested hold declined</source>
        <translation>Pausa sugerida rechazada</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="45"/>
        <source>There is no plan to hold.</source>
        <translation>No hay ningún plan que pausar.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="50"/>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="79"/>
        <source>This hold cannot be inserted: {0}.</source>
        <translation>Esta pausa no se puede insertar: {0}.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="66"/>
        <source>Give a reason for declining the suggested hold.</source>
        <translation>Indique un motivo para rechazar la pausa sugerida.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="82"/>
        <source>Keep the dose {0} days from {1:%d %b %Y} (suggested hold)</source>
        <translation>Mantener la dosis {0} días desde el {1:%d %b %Y} (pausa sugerida)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="91"/>
        <source>; held {0} days from {1} instead</source>
        <translation>; en su lugar, pausa de {0} días desde el {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="95"/>
        <source>; the plan already kept the dose that long, so it was not changed</source>
        <translation>; el plan ya mantenía la dosis ese tiempo, así que no se cambió</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="99"/>
        <source>The decision was not recorded: </source>
        <translation>La decisión no se registró: </translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="112"/>
        <source>Hold for {0} days from {1:%a %d %b %Y}?</source>
        <translation>¿Pausa de {0} días desde el {1:%a %d %b %Y}?</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="121"/>
        <source>No hold can be suggested: {0}.</source>
        <translation>No se puede sugerir una pausa: {0}.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="123"/>
        <source>{0}. Choose more days to postpone it.</source>
        <translation>{0}. Elija más días para aplazarlo.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="128"/>
        <source>{0}.&lt;br&gt;Until now that was due on {1:%a} {2} {3:%b %Y}; every later step moves {4} day{5} later with it.</source>
        <translation>{0}.&lt;br&gt;Hasta ahora tocaba el {1:%a} {2} {3:%b %Y}; cada paso posterior se retrasa {4} día{5} con él.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="143"/>
        <source>Suggested hold</source>
        <translation>Pausa sugerida</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="150"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;&lt;br&gt;{1}.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="155"/>
        <source>Source: {0}</source>
        <translation>Fuente: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="161"/>
        <source>required to decline; recorded with your name</source>
        <translation>obligatorio para rechazar; se registra con su nombre</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="166"/>
        <source>&amp;Accept the hold</source>
        <translation>&amp;Aceptar la pausa</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="167"/>
        <source>&amp;Change…</source>
        <translation>&amp;Cambiar…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="168"/>
        <source>&amp;Decline</source>
        <translation>&amp;Rechazar</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="173"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="184"/>
        <source>{0} Use Change… to choose when to hold, or Decline.</source>
        <translation>{0} Use Cambiar… para elegir cuándo pausar, o Rechazar.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/hold_suggestion.py" line="199"/>
        <source>Say why the hold is declined; the reason is recorded.</source>
        <translation>Indique por qué se rechaza la pausa; el motivo queda registrado.</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../taperdesk/ui/idle.py" line="159"/>
        <source>Locked: sign in on the main window.</source>
        <translation>Bloqueado: inicie sesión en la ventana principal.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../taperdesk/ui/idle.py" line="57"/>
        <source>TaperDesk is locked</source>
        <translation>TaperDesk está bloqueado</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/idle.py" line="63"/>
        <source>Locked after {0} minutes without use; patient data is hidden. {1}: type your password to go on where you left off.</source>
        <translation>Bloqueado tras {0} minutos sin uso; los datos de los pacientes están ocultos. {1}: escriba su contraseña para seguir donde lo dejó.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/idle.py" line="72"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/idle.py" line="74"/>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/idle.py" line="87"/>
        <source>That is not the password of the signed-in user.</source>
        <translation>Esa no es la contraseña del usuario que ha iniciado sesión.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="157"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="160"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="165"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="172"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
</context>
<context>
    <name>ModelTexts</name>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="46"/>
        <source>Morning</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="47"/>
        <source>Midday</source>
        <translation>Mediodía</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="48"/>
        <source>Bedtime</source>
        <translation>Al acostarse</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="51"/>
        <source>taper</source>
        <translation>reducción</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="52"/>
        <source>hold</source>
        <translation>pausa</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="53"/>
        <source>back-step</source>
        <translation>retroceso</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="54"/>
        <source>substitution</source>
        <translation>sustitución</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="57"/>
        <source>All at bedtime</source>
        <translation>Todo al acostarse</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="58"/>
        <source>Morning and bedtime, equal halves (any extra at bedtime)</source>
        <translation>Mañana y al acostarse, a partes iguales (lo que sobre, al acostarse)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="60"/>
        <source>Morning and bedtime; cuts come off the morning dose first</source>
        <translation>Mañana y al acostarse; las reducciones salen primero de la dosis de la mañana</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="62"/>
        <source>Three times a day, equal thirds (any extra at bedtime)</source>
        <translation>Tres veces al día, en tercios iguales (lo que sobre, al acostarse)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="80"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="81"/>
        <source>mild</source>
        <translation>leve</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="82"/>
        <source>moderate</source>
        <translation>moderado</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="83"/>
        <source>severe</source>
        <translation>grave</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="84"/>
        <source>very severe</source>
        <translation>muy grave</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="108"/>
        <source>{0} (pinned)</source>
        <translation>{0} (fijado)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="117"/>
        <source>Nardi (clonazepam)</source>
        <translation>Nardi (clonazepam)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="118"/>
        <source>Percent of current dose (ASAM)</source>
        <translation>Porcentaje de la dosis actual (ASAM)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="119"/>
        <source>Percent of starting dose (linear)</source>
        <translation>Porcentaje de la dosis inicial (lineal)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="120"/>
        <source>Vissers (75/50/25/12.5 %)</source>
        <translation>Vissers (75/50/25/12,5 %)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="121"/>
        <source>Fixed amount</source>
        <translation>Cantidad fija</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="122"/>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="123"/>
        <source>Cross-over to diazepam (Ashton)</source>
        <translation>Cambio a diazepam (Ashton)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="126"/>
        <source>Cut 0.5 mg/day every 2 weeks until 1 mg/day, then 0.25 mg/day every week, to zero; a cut that would pass 1 mg stops at 1 mg.</source>
        <translation>Reducir 0,5 mg/día cada 2 semanas hasta 1 mg/día y después 0,25 mg/día cada semana, hasta cero; una reducción que pasaría de 1 mg se queda en 1 mg.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="129"/>
        <source>Cut P % of the current dose every D days, to a dose the products can make (ASAM default 5–10 % every 2–4 weeks).</source>
        <translation>Reducir un P % de la dosis actual cada D días, hasta una dosis que los productos permitan formar (ASAM: 5–10 % cada 2–4 semanas).</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="132"/>
        <source>Cut P % of the starting dose every D days, e.g. 25 % every 2 weeks.</source>
        <translation>Reducir un P % de la dosis inicial cada D días, p. ej., 25 % cada 2 semanas.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="134"/>
        <source>75, 50, 25 and 12.5 % of the starting dose, 2 weeks each, then stop; each dose rounded to one the products can make (rounding is flagged).</source>
        <translation>75, 50, 25 y 12,5 % de la dosis inicial, 2 semanas cada uno, y después suspender; cada dosis se redondea a una que los productos permitan formar (el redondeo se señala).</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="137"/>
        <source>Cut X mg/day every D days.</source>
        <translation>Reducir X mg/día cada D días.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="138"/>
        <source>Steps typed or dragged by the clinician.</source>
        <translation>Pasos escritos o arrastrados por el clínico.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="139"/>
        <source>Replace one dose of the day at a time with its diazepam equivalent (ASAM 2025 Table 7, Ashton or VA/DoD column), night dose first; then taper diazepam by the protocol chosen.</source>
        <translation>Sustituir las tomas del día de una en una por su equivalente en diazepam (ASAM 2025, tabla 7, columna Ashton o VA/DoD), empezando por la toma de la noche; después, reducir el diazepam según el protocolo elegido.</translation>
    </message>
</context>
<context>
    <name>NewPlan</name>
    <message>
        <location filename="../../taperdesk/ui/products_dialog.py" line="13"/>
        <source>custom picks</source>
        <translation>selección propia</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/products_dialog.py" line="23"/>
        <source>Tick the products the patient has; doses are made from these only (product facts and sources from the drug catalogue)</source>
        <translation>Marque los productos que tiene el paciente; las dosis se forman solo con ellos (datos y fuentes de los productos, del catálogo de medicamentos)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="237"/>
        <location filename="../../taperdesk/ui/products_dialog.py" line="40"/>
        <source>Source: {0}</source>
        <translation>Fuente: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="51"/>
        <source>New plan</source>
        <translation>Nuevo plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="61"/>
        <source>what the patient takes now, e.g. 2 or 0.75</source>
        <translation>lo que toma ahora el paciente, p. ej., 2 o 0,75</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="64"/>
        <source>The daily dose in mg the patient takes before the taper; TaperDesk never guesses it</source>
        <translation>La dosis diaria en mg que toma el paciente antes de la reducción; TaperDesk nunca la supone</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="75"/>
        <source>First day of the first reduced dose</source>
        <translation>Primer día de la primera dosis reducida</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="82"/>
        <location filename="../../taperdesk/ui/new_plan.py" line="228"/>
        <source>{0}
Source: {1}</source>
        <translation>{0}
Fuente: {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="95"/>
        <source>Drug</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="96"/>
        <source>Products</source>
        <translation>Productos</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="97"/>
        <source>Products to make doses from</source>
        <translation>Productos con los que se forman las dosis</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="99"/>
        <source>Current dose (mg/day)</source>
        <translation>Dosis actual (mg/día)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="100"/>
        <source>Split</source>
        <translation>Reparto</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="101"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="102"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="104"/>
        <source>Cut (%)</source>
        <translation>Reducción (%)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="105"/>
        <source>Cut (mg/day)</source>
        <translation>Reducción (mg/día)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="106"/>
        <source>Every</source>
        <translation>Cada</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="112"/>
        <source>Preview of the plan</source>
        <translation>Vista previa del plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="156"/>
        <source>Preview: {0}</source>
        <translation>Vista previa: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="159"/>
        <source>Preview: {0} steps, last dose {1:%d/%m/%Y}, stop {2:%d/%m/%Y}.</source>
        <translation>Vista previa: {0} pasos, última dosis el {1:%d/%m/%Y}, fin el {2:%d/%m/%Y}.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="164"/>
        <source>  {0:%d/%m/%Y}  {1} mg/day for {2} d</source>
        <translation>  {0:%d/%m/%Y}  {1} mg/día durante {2} d</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="171"/>
        <source>  … {0} more</source>
        <translation>  … {0} más</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="177"/>
        <source>… {0} more warnings after OK</source>
        <translation>… {0} advertencias más después de Aceptar</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="182"/>
        <source>No warnings.</source>
        <translation>Sin advertencias.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="245"/>
        <location filename="../../taperdesk/ui/products_dialog.py" line="80"/>
        <source>Tick at least one product the patient has.</source>
        <translation>Marque al menos un producto que tenga el paciente.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="248"/>
        <source>Type the daily dose the patient takes now (mg/day).</source>
        <translation>Escriba la dosis diaria que toma ahora el paciente (mg/día).</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/new_plan.py" line="252"/>
        <source>the current dose</source>
        <translation>la dosis actual</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/products_dialog.py" line="67"/>
        <source>Products of {0}</source>
        <translation>Productos de {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/products_dialog.py" line="71"/>
        <source>Doses are made only from the ticked products.</source>
        <translation>Las dosis se forman solo con los productos marcados.</translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="55"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="55"/>
        <source>Next change</source>
        <translation>Próximo cambio</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="56"/>
        <source>Next appointment</source>
        <translation>Próxima cita</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="57"/>
        <source>Latest score</source>
        <translation>Última puntuación</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="73"/>
        <source>New plan…</source>
        <translation>Nuevo plan…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="103"/>
        <source>Choose a patient (or add one) to see their plan.</source>
        <translation>Elija un paciente (o añada uno) para ver su plan.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="105"/>
        <source>{0} has no plan yet. Make one with New plan…; the chart, the steps and the handout follow from it.</source>
        <translation>{0} aún no tiene plan. Cree uno con Nuevo plan…; el gráfico, los pasos y la hoja se obtienen a partir de él.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="113"/>
        <source>{0} mg/day (before the plan starts on {1:%a %d %b})</source>
        <translation>{0} mg/día (antes de que empiece el plan el {1:%a %d %b})</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="117"/>
        <source>No dose: the plan ended on {0:%a %d %b %Y}</source>
        <translation>Sin dosis: el plan terminó el {0:%a %d %b %Y}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="121"/>
        <source>&lt;b&gt;{0} mg/day&lt;/b&gt; — {1}</source>
        <translation>&lt;b&gt;{0} mg/día&lt;/b&gt; — {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="125"/>
        <source>none: the plan has ended</source>
        <translation>ninguno: el plan ha terminado</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="127"/>
        <source>stop (no dose)</source>
        <translation>suspender (sin dosis)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="128"/>
        <source>{0} mg/day</source>
        <translation>{0} mg/día</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="129"/>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="129"/>
        <source>tomorrow</source>
        <translation>mañana</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="130"/>
        <source>in {0} days</source>
        <translation>dentro de {0} días</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="146"/>
        <source>none booked</source>
        <translation>ninguna programada</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="153"/>
        <source>none recorded</source>
        <translation>ninguna registrada</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="155"/>
        <source>{0} total {1} on {2:%a %d %b}</source>
        <translation>{0}: total {1} el {2:%a %d %b}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="158"/>
        <source>the first on this scale</source>
        <translation>la primera en esta escala</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_header.py" line="160"/>
        <source>{0} {1:+d} since {2:%d %b}</source>
        <translation>{0} {1:+d} desde el {2:%d %b}</translation>
    </message>
</context>
<context>
    <name>PatientList</name>
    <message>
        <location filename="../../taperdesk/ui/patient_list.py" line="68"/>
        <source>born {0}</source>
        <translation>nacido/a el {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_list.py" line="98"/>
        <source>Search name or clinic ID…</source>
        <translation>Buscar nombre o n.º de historia…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_list.py" line="105"/>
        <source>Show archived</source>
        <translation>Mostrar archivados</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_list.py" line="106"/>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_list.py" line="107"/>
        <location filename="../../taperdesk/ui/patient_list.py" line="176"/>
        <source>Archive</source>
        <translation>Archivar</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_list.py" line="69"/>
        <source>opioid</source>
        <translation>opioide</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_list.py" line="70"/>
        <source>archived</source>
        <translation>archivado/a</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/patient_list.py" line="174"/>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
</context>
<context>
    <name>PlanFields</name>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="45"/>
        <source>Choose products…</source>
        <translation>Elegir productos…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="46"/>
        <source>custom: {0} products</source>
        <translation>propio: {0} productos</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="142"/>
        <location filename="../../taperdesk/ui/plan_fields.py" line="188"/>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="162"/>
        <source>The cut {0!r} is not a number of percent.</source>
        <translation>La reducción {0!r} no es un porcentaje.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="164"/>
        <source>the cut</source>
        <translation>la reducción</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="180"/>
        <source>{0} (Table 7)</source>
        <translation>{0} (tabla 7)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="183"/>
        <source>Which column of ASAM 2025 Table 7 gives the diazepam equivalent</source>
        <translation>Qué columna de la tabla 7 de ASAM 2025 da el equivalente en diazepam</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="189"/>
        <source>Days on each substitution before the next dose is replaced: {0}</source>
        <translation>Días con cada sustitución antes de sustituir la siguiente toma: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="196"/>
        <source>{0}
Source: {1}</source>
        <translation>{0}
Fuente: {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="200"/>
        <source>The protocol that tapers diazepam once every dose is diazepam</source>
        <translation>El protocolo que reduce el diazepam cuando todas las tomas ya son de diazepam</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="104"/>
        <source>Diazepam products that make the diazepam doses (from the drug catalogue)</source>
        <translation>Productos de diazepam con los que se preparan las dosis de diazepam (del catálogo de fármacos)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="213"/>
        <source>Equivalence</source>
        <translation>Equivalencia</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="214"/>
        <source>Days per substitution</source>
        <translation>Días por sustitución</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="215"/>
        <source>Diazepam taper</source>
        <translation>Reducción de diazepam</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="220"/>
        <source>Diazepam products</source>
        <translation>Productos de diazepam</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="271"/>
        <source>Equivalence: {0}</source>
        <translation>Equivalencia: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="273"/>
        <source>{0} days per substitution: {1}</source>
        <translation>{0} días por sustitución: {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="276"/>
        <source>Diazepam taper source: {0}</source>
        <translation>Fuente de la reducción de diazepam: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="279"/>
        <source>Diazepam taper: {0}
Source: {1}</source>
        <translation>Reducción de diazepam: {0}
Fuente: {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_fields.py" line="284"/>
        <source>Diazepam products: {0}; source: {1}</source>
        <translation>Productos de diazepam: {0}; fuente: {1}</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="57"/>
        <source>How the daily dose is divided over the day. Source: TaperDesk rule (the label says where a part that cannot be divided equally goes)</source>
        <translation>Cómo se reparte la dosis diaria a lo largo del día. Fuente: regla de TaperDesk (la etiqueta indica adónde va la parte que no se puede repartir por igual)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="62"/>
        <source>Source: TaperDesk dose rule: each dose is made with the fewest units, whole tablets first; only scored tablets are halved; dispersible tablets are not split; liquid to 0.1 mL; a dose the products cannot make is rounded to the nearest one they can, and flagged</source>
        <translation>Fuente: regla de dosis de TaperDesk: cada dosis se forma con el menor número de unidades, primero comprimidos enteros; solo se parten por la mitad los comprimidos ranurados; los comprimidos dispersables no se parten; el líquido, a 0,1 mL; una dosis que los productos no permiten formar se redondea a la más cercana posible y se señala</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="91"/>
        <source>This patient&apos;s plans; earlier plans stay on record</source>
        <translation>Los planes de este paciente; los planes anteriores quedan registrados</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="98"/>
        <source>Drug; facts and products from the catalogue with their sources</source>
        <translation>Medicamento; datos y productos del catálogo, con sus fuentes</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="102"/>
        <source>Product set: which tablets or liquids make each dose</source>
        <translation>Conjunto de productos: qué comprimidos o líquidos forman cada dosis</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="106"/>
        <source>The daily dose in mg the patient takes now, before the taper (e.g. 2 or 0.75), as prescribed</source>
        <translation>La dosis diaria en mg que toma el paciente ahora, antes de la reducción (p. ej., 2 o 0,75), según la receta</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="118"/>
        <source>First day of the first reduced dose; every later date follows from it</source>
        <translation>Primer día de la primera dosis reducida; todas las fechas posteriores se calculan a partir de él</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="127"/>
        <location filename="../../taperdesk/ui/plan_form.py" line="298"/>
        <location filename="../../taperdesk/ui/plan_form.py" line="335"/>
        <source>{0}
Source: {1}</source>
        <translation>{0}
Fuente: {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="134"/>
        <source>Percent cut at each step (ASAM 2025 default 5–10 %)</source>
        <translation>Porcentaje de reducción en cada paso (ASAM 2025: 5–10 %)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="137"/>
        <source>Days between cuts (ASAM 2025: every 2–4 weeks)</source>
        <translation>Días entre reducciones (ASAM 2025: cada 2–4 semanas)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="140"/>
        <source>Fixed cut in mg/day (US Klonopin label: 0.25 mg/day every 3 days)</source>
        <translation>Reducción fija en mg/día (ficha técnica de Klonopin en EE. UU.: 0,25 mg/día cada 3 días)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="150"/>
        <source>New plan for this patient…</source>
        <translation>Nuevo plan para este paciente…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="155"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="156"/>
        <source>Drug</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="157"/>
        <source>Products</source>
        <translation>Productos</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="158"/>
        <source>Current dose (mg/day)</source>
        <translation>Dosis actual (mg/día)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="159"/>
        <source>Split</source>
        <translation>Reparto</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="160"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="163"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="166"/>
        <source>Cut (%)</source>
        <translation>Reducción (%)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="167"/>
        <source>Cut (mg/day)</source>
        <translation>Reducción (mg/día)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="168"/>
        <source>Every</source>
        <translation>Cada</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="226"/>
        <source>{0} (plan {1})</source>
        <translation>{0} (plan {1})</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="268"/>
        <source>Choose a patient.</source>
        <translation>Elija un paciente.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="308"/>
        <source>{0}: half-life {1}</source>
        <translation>{0}: semivida {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="310"/>
        <source> (source: {0})</source>
        <translation> (fuente: {0})</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="316"/>
        <source>Maximum {0} mg/day ({1}); source: {2}</source>
        <translation>Máximo {0} mg/día ({1}); fuente: {2}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="324"/>
        <source> — source: {0}</source>
        <translation> — fuente: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="331"/>
        <source>Percent cut each step</source>
        <translation>Porcentaje de reducción en cada paso</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="332"/>
        <source>Cut in mg/day each step</source>
        <translation>Reducción en mg/día en cada paso</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="333"/>
        <source>Days between cuts</source>
        <translation>Días entre reducciones</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="350"/>
        <source>Change {0}</source>
        <translation>Cambiar {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="362"/>
        <source>Change drug to {0}</source>
        <translation>Cambiar el medicamento a {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="376"/>
        <source>Use products </source>
        <translation>Usar los productos </translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="386"/>
        <source>Use products {0}</source>
        <translation>Usar los productos {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="393"/>
        <source>the current dose</source>
        <translation>la dosis actual</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="399"/>
        <source>Current dose {0} mg/day</source>
        <translation>Dosis actual {0} mg/día</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="404"/>
        <source>Change the start date</source>
        <translation>Cambiar la fecha de inicio</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="446"/>
        <source>That value is not a number.</source>
        <translation>Ese valor no es un número.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="453"/>
        <source>Protocol: {0}</source>
        <translation>Protocolo: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/plan_form.py" line="487"/>
        <source>Choose or add a patient first.</source>
        <translation>Elija o añada primero un paciente.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../taperdesk/ui/printing.py" line="35"/>
        <source>No printer is installed on this PC. Use File ▸ Save as PDF and print the file from another computer, or ask your IT support to add a printer.</source>
        <translation>No hay ninguna impresora instalada en este equipo. Use Archivo ▸ Guardar como PDF e imprima el archivo desde otro ordenador, o pida a su servicio informático que añada una impresora.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/printing.py" line="53"/>
        <source>the handout could not be read back for printing ({0})</source>
        <translation>no se pudo volver a leer la hoja para imprimirla ({0})</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/printing.py" line="74"/>
        <source>Print preview — {0}</source>
        <translation>Vista previa de impresión — {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/printing.py" line="83"/>
        <source>{0} page(s)</source>
        <translation>{0} página(s)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/printing.py" line="86"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/printing.py" line="88"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/printing.py" line="110"/>
        <source>Handout</source>
        <translation>Hoja</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/printing.py" line="126"/>
        <source>the printer could not be started</source>
        <translation>no se pudo iniciar la impresora</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/printing.py" line="152"/>
        <location filename="../../taperdesk/ui/printing.py" line="165"/>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/printing.py" line="166"/>
        <source>Printing failed: {0}</source>
        <translation>La impresión falló: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/printing.py" line="178"/>
        <location filename="../../taperdesk/ui/printing.py" line="192"/>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/printing.py" line="180"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/printing.py" line="193"/>
        <source>Could not save {0}: {1}</source>
        <translation>No se pudo guardar {0}: {1}</translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <location filename="../../taperdesk/ui/appointments_dialog.py" line="112"/>
        <source>Propose check-ins</source>
        <translation>Proponer controles</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments_dialog.py" line="114"/>
        <source>From the check-in rule (a TaperDesk default, editable): a phone check-in on day {0} after every cut, and a visit at least weekly while the dose falls.</source>
        <translation>Según la regla de controles (predeterminada de TaperDesk, modificable): un control telefónico el día {0} después de cada reducción y una consulta al menos semanal mientras baja la dosis.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments_dialog.py" line="130"/>
        <source>Book ticked</source>
        <translation>Programar los marcados</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments_dialog.py" line="166"/>
        <source>Nothing is ticked: tick the check-ins to book, or Cancel.</source>
        <translation>No hay nada marcado: marque los controles que quiera programar, o pulse Cancelar.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/appointments_dialog.py" line="170"/>
        <source>{0} proposed check-ins</source>
        <translation>{0} controles propuestos</translation>
    </message>
</context>
<context>
    <name>RedFlagBanner</name>
    <message>
        <location filename="../../taperdesk/ui/red_flag_banner.py" line="23"/>
        <source>See the patient today; if it is happening now, send them for emergency care. Pause the taper until they have been reviewed.</source>
        <translation>Vea al paciente hoy; si está ocurriendo ahora, envíelo a urgencias. Pause la reducción hasta que lo hayan valorado.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/red_flag_banner.py" line="28"/>
        <source>ASAM 2025: pause or slow the taper when significant symptoms emerge</source>
        <translation>ASAM 2025: pausar o hacer más lenta la reducción cuando aparecen síntomas importantes</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/red_flag_banner.py" line="51"/>
        <source>Red flags: {0}
What to do: {1}</source>
        <translation>Señales de alarma: {0}
Qué hacer: {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/red_flag_banner.py" line="55"/>
        <source>Acknowledge…</source>
        <translation>Confirmar…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/red_flag_banner.py" line="60"/>
        <source>Record what was done about the red flag (who and when are recorded too); the banner then goes</source>
        <translation>Registre qué se hizo ante la señal de alarma (también se registra quién y cuándo); después el aviso desaparece</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/red_flag_banner.py" line="98"/>
        <source> (and {0} earlier)</source>
        <translation> (y {0} anteriores)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/red_flag_banner.py" line="103"/>
        <source>&lt;b&gt;URGENT: red flag on {0:%a %d %b %Y}{1}: {2}.&lt;/b&gt; {3}</source>
        <translation>&lt;b&gt;URGENTE: señal de alarma el {0:%a %d %b %Y}{1}: {2}.&lt;/b&gt; {3}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/red_flag_banner.py" line="117"/>
        <source>The acknowledgement was not recorded: </source>
        <translation>La confirmación no se registró: </translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/red_flag_banner.py" line="126"/>
        <source>Acknowledge red flag</source>
        <translation>Confirmar señal de alarma</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/red_flag_banner.py" line="127"/>
        <source>What was done about it? (e.g. seen today, sent to the emergency department, taper paused). This is recorded with your name.</source>
        <translation>¿Qué se hizo? (p. ej., visto hoy, enviado a urgencias, reducción pausada). Se registra con su nombre.</translation>
    </message>
</context>
<context>
    <name>Rights</name>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="15"/>
        <source>prescriber</source>
        <translation>prescripción</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="16"/>
        <source>nurse</source>
        <translation>enfermería</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="17"/>
        <source>pharmacist</source>
        <translation>farmacia</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="18"/>
        <source>admin</source>
        <translation>administración</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="21"/>
        <source>read the records</source>
        <translation>leer los registros</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="22"/>
        <source>print handouts</source>
        <translation>imprimir hojas para el paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="23"/>
        <source>change patients</source>
        <translation>cambiar pacientes</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="24"/>
        <source>record assessments</source>
        <translation>registrar evaluaciones</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="25"/>
        <source>change appointments</source>
        <translation>cambiar citas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="26"/>
        <source>acknowledge red flags</source>
        <translation>confirmar señales de alarma</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="27"/>
        <source>change plans</source>
        <translation>cambiar planes</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="28"/>
        <source>decide on suggested holds</source>
        <translation>decidir sobre las pausas propuestas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="29"/>
        <source>acknowledge plan warnings</source>
        <translation>confirmar advertencias del plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="30"/>
        <source>manage user accounts</source>
        <translation>gestionar cuentas de usuario</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="31"/>
        <source>change the clinic settings</source>
        <translation>cambiar la configuración de la clínica</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="43"/>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/user_texts.py" line="50"/>
        <source>{0} ({1}) may not {2}.</source>
        <translation>{0} ({1}) no puede {2}.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../taperdesk/ui/session_users.py" line="66"/>
        <source>These records already have accounts: sign in.</source>
        <translation>Estos registros ya tienen cuentas: inicie sesión.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session_users.py" line="97"/>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session_users.py" line="111"/>
        <source>Signed in as {0}.</source>
        <translation>Sesión iniciada como {0}.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session.py" line="44"/>
        <source>This plan was changed elsewhere (another TaperDesk on the same records). The newer version is shown; your last edit was not saved.</source>
        <translation>Este plan se cambió en otro lugar (otro TaperDesk con los mismos registros). Se muestra la versión más reciente; su último cambio no se guardó.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session.py" line="47"/>
        <source>Updated: another TaperDesk saved this plan; the newer version is shown.</source>
        <translation>Actualizado: otro TaperDesk guardó este plan; se muestra la versión más reciente.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session.py" line="49"/>
        <source>Updated: another TaperDesk saved changes to these records.</source>
        <translation>Actualizado: otro TaperDesk guardó cambios en estos registros.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session.py" line="51"/>
        <source>Waiting for the records file…</source>
        <translation>Esperando al archivo de registros…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session.py" line="53"/>
        <source>Undo was refused: the stored plan is a newer revision this window did not make (another TaperDesk saved it). The newer version is shown.</source>
        <translation>No se pudo deshacer: el plan guardado es una revisión más reciente que esta ventana no hizo (la guardó otro TaperDesk). Se muestra la versión más reciente.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session.py" line="268"/>
        <location filename="../../taperdesk/ui/session.py" line="305"/>
        <source>Open a plan first.</source>
        <translation>Abra primero un plan.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session.py" line="272"/>
        <source>This cannot be done: {0}.</source>
        <translation>No se puede hacer: {0}.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session.py" line="337"/>
        <source>Could not save: {0}</source>
        <translation>No se pudo guardar: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session.py" line="341"/>
        <source>Saved: {0}</source>
        <translation>Guardado: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session.py" line="380"/>
        <source> Not saved (made on the older version): {0}.</source>
        <translation> No guardado (hecho sobre la versión anterior): {0}.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session.py" line="395"/>
        <source>Not printed: some edits are not saved yet ({0}). A handout is made only from the saved plan.</source>
        <translation>No se imprimió: algunos cambios aún no están guardados ({0}). La hoja solo se hace a partir del plan guardado.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session.py" line="410"/>
        <source>Not printed: another TaperDesk saved a newer version of this plan. The newer plan is now shown; check it, then print again.</source>
        <translation>No se imprimió: otro TaperDesk guardó una versión más reciente de este plan. Ahora se muestra el plan más reciente; revíselo y vuelva a imprimir.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session_records.py" line="27"/>
        <source>This records file is read-only: changes cannot be saved.</source>
        <translation>Este archivo de registros es de solo lectura: no se pueden guardar cambios.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session_records.py" line="91"/>
        <location filename="../../taperdesk/ui/session_records.py" line="111"/>
        <location filename="../../taperdesk/ui/session_records.py" line="132"/>
        <location filename="../../taperdesk/ui/session_records.py" line="141"/>
        <location filename="../../taperdesk/ui/session_records.py" line="189"/>
        <source>Choose a patient first.</source>
        <translation>Elija primero un paciente.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session_records.py" line="151"/>
        <source>The assessment was not saved: {0}</source>
        <translation>La evaluación no se guardó: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session_records.py" line="160"/>
        <source>The assessment was not withdrawn: {0}</source>
        <translation>La evaluación no se retiró: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session_records.py" line="180"/>
        <source>Give a reason to acknowledge the warning.</source>
        <translation>Indique un motivo para confirmar la advertencia.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session_records.py" line="217"/>
        <source>Settings not saved: {0}</source>
        <translation>Configuración no guardada: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/session_records.py" line="218"/>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="32"/>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="33"/>
        <source>Printed at the top of every handout</source>
        <translation>Se imprime en la parte superior de cada hoja</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="37"/>
        <source>Clinic phone</source>
        <translation>Teléfono de la clínica</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="38"/>
        <source>Printed in the handout&apos;s get-help box</source>
        <translation>Se imprime en el recuadro «pedir ayuda» de la hoja</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="42"/>
        <source>Next appointment</source>
        <translation>Próxima cita</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="43"/>
        <source>Printed on the handout as written (e.g. 2026-12-14 or &apos;in two weeks&apos;); leave empty to print a blank line to fill in by hand</source>
        <translation>Se imprime en la hoja tal como se escribe (p. ej., 2026-12-14 o «en dos semanas»); déjelo vacío para imprimir una línea en blanco que se rellena a mano</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="53"/>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="54"/>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="55"/>
        <source>The paper handouts are printed on</source>
        <translation>El papel en el que se imprimen las hojas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="59"/>
        <source>Week starts on</source>
        <translation>La semana empieza el</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="61"/>
        <source>Monday</source>
        <translation>Lunes</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="62"/>
        <source>Sunday</source>
        <translation>Domingo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="64"/>
        <source>The first column of the handout&apos;s calendar</source>
        <translation>La primera columna del calendario de la hoja</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="85"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="98"/>
        <source>Printed in the get-help box on page 1. TaperDesk default: {0} (US); choose your country&apos;s number or type it</source>
        <translation>Se imprime en el recuadro «pedir ayuda» de la página 1. Valor predeterminado de TaperDesk: {0} (EE. UU.); elija el número de su país o escríbalo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="104"/>
        <source>Emergency number</source>
        <translation>Número de emergencias</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="126"/>
        <source>Kept in the records file, so every PC using it prints the same details.</source>
        <translation>Se guarda en el archivo de registros, así que todos los equipos que lo usan imprimen los mismos datos.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="137"/>
        <source>Open another records file…</source>
        <translation>Abrir otro archivo de registros…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="139"/>
        <source>Records file</source>
        <translation>Archivo de registros</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="150"/>
        <source>As the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="154"/>
        <source>The language of this PC&apos;s window, from the next start (handouts follow each patient&apos;s language)</source>
        <translation>El idioma de la ventana en este equipo, a partir del próximo inicio (las hojas siguen el idioma de cada paciente)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="157"/>
        <source>Window language</source>
        <translation>Idioma de la ventana</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="195"/>
        <source>{0}: one line of text, please.</source>
        <translation>{0}: una sola línea de texto, por favor.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="199"/>
        <source>Emergency number: the number to call, e.g. 911, 999 or 112.</source>
        <translation>Número de emergencias: el número al que llamar, p. ej., 911, 999 o 112.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="115"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="117"/>
        <source>After this long without use the window hides patient data and asks the password again. TaperDesk default: {0} minutes</source>
        <translation>Tras este tiempo sin uso, la ventana oculta los datos de los pacientes y vuelve a pedir la contraseña. Valor predeterminado de TaperDesk: {0} minutos</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="119"/>
        <source>Lock when idle (TaperDesk default {0} min)</source>
        <translation>Bloquear por inactividad (predeterminado de TaperDesk: {0} min)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="145"/>
        <source>The clinic&apos;s records server (docs/SERVER.md), used from the next start in place of the records file; tested when you press OK. Leave empty to use the records file.</source>
        <translation>El servidor de registros de la clínica (docs/SERVER.md), que se usa a partir del próximo inicio en lugar del archivo de registros; se comprueba al pulsar Aceptar. Déjelo vacío para usar el archivo de registros.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="148"/>
        <source>Clinic server</source>
        <translation>Servidor de la clínica</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/settings_dialog.py" line="213"/>
        <source>Clinic server: {0}</source>
        <translation>Servidor de la clínica: {0}</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../taperdesk/ui/signin_gate.py" line="125"/>
        <source>A table cell still being typed in was dropped at sign-out; nothing of it was saved.</source>
        <translation>Se descartó una celda de la tabla que aún se estaba escribiendo al cerrar la sesión; no se guardó nada de ella.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../taperdesk/ui/signin.py" line="34"/>
        <source>Create the first (admin) user</source>
        <translation>Crear el primer usuario (administrador)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/signin.py" line="35"/>
        <source>Sign in to TaperDesk</source>
        <translation>Iniciar sesión en TaperDesk</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/signin.py" line="37"/>
        <source>Records: {0}</source>
        <translation>Registros: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/signin.py" line="54"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/signin.py" line="55"/>
        <location filename="../../taperdesk/ui/signin.py" line="75"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/signin.py" line="61"/>
        <source>These records have no users yet. The first user you create is also their admin (adds the other users and changes the clinic settings). Everyone then signs in with their own name and password.</source>
        <translation>Estos registros aún no tienen usuarios. El primer usuario que cree será también su administrador (añade a los demás usuarios y cambia la configuración de la clínica). Después, cada persona inicia sesión con su propio nombre y contraseña.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/signin.py" line="69"/>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/signin.py" line="72"/>
        <source>Your role</source>
        <translation>Su función</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/signin.py" line="74"/>
        <source>at least {0} characters</source>
        <translation>al menos {0} caracteres</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/signin.py" line="76"/>
        <source>Password again</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/signin.py" line="85"/>
        <source>Type your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/signin.py" line="88"/>
        <source>The two passwords differ; type the same one twice.</source>
        <translation>Las dos contraseñas no coinciden; escriba la misma dos veces.</translation>
    </message>
</context>
<context>
    <name>SignInGate</name>
    <message>
        <location filename="../../taperdesk/ui/signin_gate.py" line="87"/>
        <source>Signed in: {0}</source>
        <translation>Sesión iniciada: {0}</translation>
    </message>
</context>
<context>
    <name>Split</name>
    <message>
        <location filename="../../taperdesk/ui/splits.py" line="16"/>
        <source>All at bedtime</source>
        <translation>Todo al acostarse</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/splits.py" line="17"/>
        <source>Morning + bedtime</source>
        <translation>Mañana + al acostarse</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/splits.py" line="18"/>
        <source>Morning first, + bedtime</source>
        <translation>Primero la mañana, + al acostarse</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/splits.py" line="20"/>
        <source>Three times a day</source>
        <translation>Tres veces al día</translation>
    </message>
</context>
<context>
    <name>StepTable</name>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="78"/>
        <source> (diazepam-eq.: {0})</source>
        <translation> (eq. de diazepam: {0})</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="84"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="85"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="87"/>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="90"/>
        <source>Type a number of days; later steps move</source>
        <translation>Escriba un número de días; los pasos siguientes se desplazan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="93"/>
        <source>mg/day</source>
        <translation>mg/día</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="96"/>
        <source>Type a daily dose in mg; later protocol steps re-plan from it</source>
        <translation>Escriba una dosis diaria en mg; los pasos posteriores del protocolo se vuelven a planificar a partir de ella</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="99"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="100"/>
        <source>Rationale</source>
        <translation>Justificación</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="101"/>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="231"/>
        <source>{0}
Source: {1}</source>
        <translation>{0}
Fuente: {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="259"/>
        <source>Days must be a whole number, not {0!r}</source>
        <translation>Los días deben ser un número entero, no {0!r}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="264"/>
        <source>Set step {0} to {1} days</source>
        <translation>Poner el paso {0} en {1} días</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="271"/>
        <source>the daily dose</source>
        <translation>la dosis diaria</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/steps.py" line="274"/>
        <source>Set step {0} to {1} mg/day</source>
        <translation>Poner el paso {0} en {1} mg/día</translation>
    </message>
</context>
<context>
    <name>SymptomPanel</name>
    <message>
        <location filename="../../taperdesk/ui/symptom_panel.py" line="76"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/symptom_panel.py" line="86"/>
        <source>Scale</source>
        <translation>Escala</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/symptom_panel.py" line="80"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/symptom_panel.py" line="82"/>
        <source>Band</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/symptom_panel.py" line="79"/>
        <source>Red flags</source>
        <translation>Señales de alarma</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/symptom_panel.py" line="89"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/symptom_panel.py" line="91"/>
        <source>Item scores</source>
        <translation>Puntuaciones por ítem</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/symptom_panel.py" line="170"/>
        <source>{0}
{1}
Source: {2}
Bands: {3}
Recorded by {4}, {5:%d %b %Y %H:%M}

{6}</source>
        <translation>{0}
{1}
Fuente: {2}
Niveles: {3}
Registrado por {4}, {5:%d %b %Y %H:%M}

{6}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/symptom_panel.py" line="201"/>
        <source>Add &amp;assessment…</source>
        <translation>Añadir &amp;evaluación…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/symptom_panel.py" line="203"/>
        <source>Score a symptom scale and the red-flag questions</source>
        <translation>Puntuar una escala de síntomas y las preguntas de señales de alarma</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/symptom_panel.py" line="249"/>
        <source>Suggested: {0}.</source>
        <translation>Sugerencia: {0}.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/symptom_panel.py" line="252"/>
        <source>Source: {0}</source>
        <translation>Fuente: {0}</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <location filename="../../taperdesk/ui/today_actions.py" line="123"/>
        <source>The day&apos;s list could not be made: {0}</source>
        <translation>No se pudo crear la lista del día: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_actions.py" line="125"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_actions.py" line="141"/>
        <source>The handouts could not be made: {0}</source>
        <translation>No se pudieron crear las hojas: {0}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_actions.py" line="144"/>
        <source>No patient&apos;s dose changes this week: there are no handouts to print.</source>
        <translation>La dosis de ningún paciente cambia esta semana: no hay hojas que imprimir.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_actions.py" line="149"/>
        <source>No handout for {0}: a severe warning of the plan is not acknowledged (open the patient, acknowledge it in Checks).</source>
        <translation>No hay hoja para {0}: una advertencia grave del plan no está confirmada (abra el paciente y confírmela en Comprobaciones).</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_actions.py" line="154"/>
        <source>Handouts for the week</source>
        <translation>Hojas de la semana</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="68"/>
        <source>Red flag</source>
        <translation>Señal de alarma</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="69"/>
        <source>Dose change</source>
        <translation>Cambio de dosis</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="70"/>
        <source>Check-in</source>
        <translation>Control</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="71"/>
        <source>Assessment due</source>
        <translation>Evaluación pendiente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="72"/>
        <source>Hold to decide</source>
        <translation>Pausa por decidir</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="73"/>
        <source>Plan ends</source>
        <translation>Fin del plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="74"/>
        <source>No plan</source>
        <translation>Sin plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/model_texts.py" line="75"/>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <location filename="../../taperdesk/ui/today.py" line="57"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today.py" line="57"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today.py" line="58"/>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../taperdesk/ui/today.py" line="133"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today.py" line="134"/>
        <source>Who needs the clinic today, red flags first; Enter opens the patient there</source>
        <translation>Quién necesita a la clínica hoy, primero las señales de alarma; Intro abre allí al paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today.py" line="137"/>
        <source>Print the day…</source>
        <translation>Imprimir el día…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today.py" line="138"/>
        <source>A one-page worklist of Today</source>
        <translation>Una lista de trabajo de Hoy en una página</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today.py" line="139"/>
        <source>Week&apos;s handouts…</source>
        <translation>Hojas de la semana…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today.py" line="140"/>
        <source>One PDF: the handout of every patient whose dose changes this week</source>
        <translation>Un solo PDF: la hoja de cada paciente cuya dosis cambia esta semana</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today.py" line="156"/>
        <source>Today: reading the records…</source>
        <translation>Hoy: leyendo los registros…</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today.py" line="198"/>
        <source>Today could not be read: {0}</source>
        <translation>No se pudo leer Hoy: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../taperdesk/ui/today.py" line="203"/>
        <source>&lt;b&gt;Today, {0:%a %d %b %Y}&lt;/b&gt;: %n item(s)</source>
        <translation>
            <numerusform>&lt;b&gt;Hoy, {0:%a %d %b %Y}&lt;/b&gt;: %n elemento</numerusform>
            <numerusform>&lt;b&gt;Hoy, {0:%a %d %b %Y}&lt;/b&gt;: %n elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../taperdesk/ui/today.py" line="206"/>
        <source>%n red flag(s)</source>
        <translation>
            <numerusform>%n señal de alarma</numerusform>
            <numerusform>%n señales de alarma</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayWords</name>
    <message>
        <location filename="../../taperdesk/ui/today_words.py" line="19"/>
        <source>Visit</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_words.py" line="20"/>
        <source>Phone check-in</source>
        <translation>Control telefónico</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_words.py" line="23"/>
        <source>{0} on {1} - not acknowledged</source>
        <translation>{0} el {1}: sin confirmar</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_words.py" line="24"/>
        <source>{0}: the suggested hold is not decided</source>
        <translation>{0}: la pausa propuesta está sin decidir</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_words.py" line="25"/>
        <source>{0} at {1}</source>
        <translation>{0} a las {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_words.py" line="26"/>
        <source>No active plan</source>
        <translation>Sin plan activo</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_words.py" line="27"/>
        <source>Last dose {0} ({1} mg/day); no dose from {2}</source>
        <translation>Última dosis el {0} ({1} mg/día); sin dosis desde el {2}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_words.py" line="28"/>
        <source>{0} → {1} mg/day today</source>
        <translation>{0} → {1} mg/día hoy</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_words.py" line="29"/>
        <source>{0} → {1} mg/day tomorrow</source>
        <translation>{0} → {1} mg/día mañana</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_words.py" line="30"/>
        <source>{0} → {1} mg/day in {2} days ({3})</source>
        <translation>{0} → {1} mg/día en {2} días ({3})</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_words.py" line="31"/>
        <source>Day {0} after the change to {1} mg/day on {2} (TaperDesk default)</source>
        <translation>Día {0} tras el cambio a {1} mg/día el {2} (predeterminado de TaperDesk)</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_words.py" line="33"/>
        <source>Weekly while the dose falls; none recorded</source>
        <translation>Semanal mientras baja la dosis; ninguna registrada</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_words.py" line="34"/>
        <source>Weekly while the dose falls; none since {0}</source>
        <translation>Semanal mientras baja la dosis; ninguna desde el {0}</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="107"/>
        <location filename="../../taperdesk/ui/window.py" line="201"/>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="109"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="110"/>
        <source>Checks</source>
        <translation>Comprobaciones</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="111"/>
        <source>Symptoms</source>
        <translation>Síntomas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="152"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="154"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="174"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="177"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="178"/>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="185"/>
        <source>Remove hold</source>
        <translation>Quitar pausa</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="196"/>
        <source>Search patients</source>
        <translation>Buscar pacientes</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="197"/>
        <source>Type part of a name or clinic ID</source>
        <translation>Escriba parte de un nombre o del n.º de historia</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="202"/>
        <source>Choose a patient to open their plan</source>
        <translation>Elija un paciente para abrir su plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="206"/>
        <source>Plan steps</source>
        <translation>Pasos del plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="207"/>
        <source>One row per step: dates, days, daily dose, doses by time of day, kind, rationale and source; days and dose are editable</source>
        <translation>Una fila por paso: fechas, días, dosis diaria, dosis por momento del día, tipo, justificación y fuente; los días y la dosis se pueden editar</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="215"/>
        <source>Plan checks</source>
        <translation>Comprobaciones del plan</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="216"/>
        <source>Warnings about the plan, severe first</source>
        <translation>Advertencias sobre el plan, primero las graves</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="220"/>
        <source>Symptom assessments</source>
        <translation>Evaluaciones de síntomas</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="221"/>
        <source>Scores recorded for this patient</source>
        <translation>Puntuaciones registradas para este paciente</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="303"/>
        <source>Select a step in the table first.</source>
        <translation>Seleccione primero un paso en la tabla.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="313"/>
        <source>Insert a {0}-day hold on {1:%d %b %Y}</source>
        <translation>Insertar una pausa de {0} días el {1:%d %b %Y}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="333"/>
        <source>Step {0} is not a hold or back-step; select the hold to remove.</source>
        <translation>El paso {0} no es una pausa ni un retroceso; seleccione la pausa que quiere quitar.</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/window.py" line="339"/>
        <source>Remove the {0} at step {1}</source>
        <translation>Quitar ({0}) en el paso {1}</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_actions.py" line="38"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../taperdesk/ui/today_actions.py" line="40"/>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
</context>
</TS>
